/**
 * Names of the tournament's closed sets and of matches ("A 组第 2 轮", "半决赛 第 1 场") in the current language,
 * or through `tr` in another (the printed sheet is always Chinese: `zh`).
 */
import { interpolate, type Params } from '../lib/i18n-core.ts';
import { t, type MessageKey } from '../lib/i18n.svelte.ts';
import { zhCN } from '../lib/messages/zh-CN.ts';
import { feederKey, type RoundName, type SectionId } from './bracket-layout.ts';
import { originOf, type OriginLabel } from './side-origin.ts';
import { SPORTS, type Format, type Match, type MatchStatus, type Sport, type Tournament } from './types.ts';

export type Translate = (key: MessageKey, params?: Params) => string;

/** Chinese whatever the screen's language. */
export const zh: Translate = (key, params) => interpolate(zhCN[key], params);

export const sportLabel = (sport: string, tr: Translate = t): string => (SPORTS.includes(sport as Sport) ? tr(`tourn.sport.${sport as Sport}`) : sport);
export const formatLabel = (format: Format, tr: Translate = t): string => tr(`tourn.format.${format}`);
export const tournamentStatusLabel = (status: Tournament['status'], tr: Translate = t): string => tr(`tourn.status.${status}`);
export const matchStatusLabel = (status: MatchStatus, tr: Translate = t): string => tr(`tourn.matchStatus.${status}`);
export const sectionLabel = (id: SectionId, tr: Translate = t): string => tr(`tourn.section.${id}`);

/** "5 局 3 胜制". */
export const bestOfLabel = (n: number, tr: Translate = t): string => tr('tourn.bestOfN', { n, wins: Math.floor(n / 2) + 1 });

export function roundLabel(name: RoundName, tr: Translate = t): string {
  switch (name.kind) {
    case 'final':
      return tr('tourn.round.final');
    case 'semi':
      return tr('tourn.round.semi');
    case 'quarter':
      return tr('tourn.round.quarter');
    case 'round':
      return tr('tourn.round.n', { n: name.round });
    case 'losers_round':
      return tr('tourn.round.losers', { n: name.round });
    case 'grand_final':
      return tr('tourn.round.grandFinal');
    case 'grand_final_reset':
      return tr('tourn.round.grandFinalReset');
  }
}

export const groupLabel = (group: string | null, tr: Translate = t): string => (group === null ? tr('tourn.roundRobinTable') : tr('tourn.group', { group }));

/** The rounds of the knockout (the third-place match aside), for naming its last ones; 0 without one. */
export function knockoutRounds(matches: readonly Pick<Match, 'stage' | 'round' | 'key'>[]): number {
  return matches.reduce((most, m) => (m.stage === 'knockout' && !/3P$/.test(m.key) ? Math.max(most, m.round) : most), 0);
}

/** A knockout match by the name people use: 决赛, 半决赛第 1 场, 1/4 决赛第 2 场, 16 强赛第 3 场 (the hall screen's words). */
function knockoutLabel(match: Match, rounds: number, tr: Translate): string {
  const fromEnd = rounds - match.round;
  if (rounds === 0 || fromEnd < 0) return tr('tourn.match.knockout', { round: match.round, n: match.number });
  if (fromEnd === 0) return tr('tourn.round.final');
  if (fromEnd === 1) return tr('tourn.match.semi', { n: match.number });
  if (fromEnd === 2) return tr('tourn.match.quarter', { n: match.number });
  return tr('tourn.match.roundOf', { k: 2 ** fromEnd, size: 2 ** (fromEnd + 1), n: match.number });
}

/**
 * A match's place in the tournament in words, never its internal key: "A 组第 2 轮第 1 场", "半决赛第 1 场",
 * "胜者组第 3 轮第 1 场". `rounds` is the knockout's number of rounds (`knockoutRounds`), to name its last ones.
 */
export function matchLabel(match: Match, tr: Translate = t, rounds = 0): string {
  switch (match.stage) {
    case 'group':
      return tr('tourn.match.group', { group: match.group ?? '', round: match.round, n: match.number });
    case 'round_robin':
      return tr('tourn.match.roundRobin', { round: match.round, n: match.number });
    case 'grand_final':
      return match.round === 1 ? tr('tourn.round.grandFinal') : tr('tourn.round.grandFinalReset');
    case 'winners':
      return tr('tourn.match.winners', { round: match.round, n: match.number });
    case 'losers':
      return tr('tourn.match.losers', { round: match.round, n: match.number });
    default:
      return /3P$/.test(match.key) ? tr('tourn.round.thirdPlace') : knockoutLabel(match, rounds, tr);
  }
}

/** "A组第1名", "第5场胜者", "第3场负者" (an earlier match by its key when it has no number). */
export function originText(origin: OriginLabel, tr: Translate = t): string {
  if (origin.kind === 'group_place') {
    const place = tr('tourn.side.groupPlace', { group: origin.group, place: origin.place });
    return origin.lot ? tr('tourn.side.awaitingLot', { place }) : place;
  }
  if (origin.number !== null) return tr(origin.kind === 'winner' ? 'tourn.side.winnerOfNo' : 'tourn.side.loserOfNo', { n: origin.number });
  return tr(origin.kind === 'winner' ? 'tourn.side.winnerOf' : 'tourn.side.loserOf', { key: origin.key });
}

/**
 * What stands in for a side nobody is in yet, or `null` (a player is there, or it is a bye). Where the draw
 * does not say (a copy without `from`), a later knockout round's side is the winner its key implies.
 */
export function waitingSideText(match: Match, side: 0 | 1, numbers: ReadonlyMap<string, number>, tr: Translate = t): string | null {
  const origin = originOf(match, side, numbers);
  if (origin) return originText(origin, tr);
  if (match.sides[side]?.participantId || match.status === 'bye' || match.sides[side]?.bye) return null;
  const feeder = feederKey(match, side);
  return feeder ? originText({ kind: 'winner', key: feeder, number: numbers.get(feeder) ?? null }, tr) : null;
}

export function flagLabel(flag: string, tr: Translate = t): string {
  switch (flag) {
    case 'participants_changed':
    case 'match_waiting':
    case 'match_not_played':
    case 'draw_not_allowed':
      return tr(`tourn.flag.${flag}`);
    default:
      return tr('tourn.flag.other', { flag });
  }
}

export function decidedByLabel(decidedBy: string, tr: Translate = t): string {
  switch (decidedBy) {
    case 'match_points':
    case 'head_to_head_match_points':
    case 'rubber_ratio':
    case 'game_ratio':
    case 'point_ratio':
    case 'lot':
    case 'level':
    case 'head_to_head':
    case 'score_difference':
    case 'points_for':
      return tr(`tourn.decidedBy.${decidedBy}`);
    default:
      return decidedBy;
  }
}
