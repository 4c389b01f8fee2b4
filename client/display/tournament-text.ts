/** The words of the tournament screen: round names, page titles, places and sides, in the current language. */
import { t } from '../lib/i18n.svelte.ts';
import { originOf, type OriginLabel } from '../tournaments/side-origin.ts';
import type { RoundLabel } from './round-labels.ts';
import type { DisplayPage } from './tournament-pages.ts';
import type { MatchInfo, TournamentFormat } from './tournament-types.ts';

export function roundText(label: RoundLabel): string {
  switch (label.kind) {
    case 'roundOf':
    case 'winners':
    case 'losers':
    case 'round':
      return t(`tdisplay.round.${label.kind}`, { n: label.n });
    case 'groupRound':
      return t('tdisplay.round.groupRound', { group: label.group, n: label.n });
    default:
      return t(`tdisplay.round.${label.kind}`);
  }
}

export function placeText(place: number): string {
  return place === 1 || place === 2 || place === 3 ? t(`tdisplay.place.${place}`) : t('tdisplay.place.n', { n: place });
}

function partText(part: { index: number; count: number } | null): string {
  if (!part) return '';
  if (part.count === 2) return ` · ${t(part.index === 1 ? 'tdisplay.part.top' : 'tdisplay.part.bottom')}`;
  return ` · ${t('tdisplay.part.n', part)}`;
}

export function pageTitle(page: DisplayPage, format: TournamentFormat): string {
  switch (page.kind) {
    case 'courts':
      return t('tdisplay.page.courts');
    case 'bracket':
      return `${t(page.section === 'knockout' ? 'tdisplay.page.bracket' : page.section === 'winners' ? 'tdisplay.page.winners' : 'tdisplay.page.losers')}${partText(page.part)}`;
    case 'groups': {
      const named = page.blocks.map((b) => b.group).filter((g): g is string => g !== null);
      const first = named[0];
      const last = named.at(-1);
      const range = first && last && first !== last ? ` · ${t('tdisplay.groupRange', { from: first, to: last })}` : '';
      return `${t(format === 'round_robin' ? 'tdisplay.page.standings' : 'tdisplay.page.groups')}${range}`;
    }
    case 'podium':
      return t('tdisplay.page.podium');
    case 'waiting':
      return t('tdisplay.waiting');
  }
}

/** "A组第1名", "第5场胜者", "第3场负者" (an earlier match by its key when it has no number). */
export function originText(origin: OriginLabel): string {
  if (origin.kind === 'group_place') {
    const place = t('tdisplay.from.groupPlace', { group: origin.group, place: origin.place });
    return origin.lot ? t('tdisplay.from.awaitingLot', { place }) : place;
  }
  if (origin.number !== null) return t(origin.kind === 'winner' ? 'tdisplay.from.winner' : 'tdisplay.from.loser', { n: origin.number });
  return t(origin.kind === 'winner' ? 'tdisplay.from.winnerKey' : 'tdisplay.from.loserKey', { key: origin.key });
}

/**
 * A side's name, or what stands in for it: a bye (nobody will come), where its player will come from (with
 * `numbers`, the matches' numbers in the order of play), or not decided yet.
 */
export function sideText(
  match: MatchInfo, side: 0 | 1, names: ReadonlyMap<string, string>, numbers: ReadonlyMap<string, number> = new Map(),
): { text: string; empty: boolean } {
  const id = match.sides[side]?.participantId ?? null;
  if (id !== null) return { text: names.get(id) ?? '…', empty: false };
  if (match.status === 'bye') return { text: t('tdisplay.bye'), empty: true };
  const origin = originOf(match, side, numbers);
  return { text: origin ? originText(origin) : t(match.sides[side]?.bye ? 'tdisplay.bye' : 'tdisplay.tbd'), empty: true };
}
