/** Scores as short text ("3:1", "11:7  9:11  11:5"), and the sentence to show for a refused score. */
import type { GameScore, LiveSummary, ResultSummary } from './types.ts';

export const pair = (p: readonly [number, number]): string => `${p[0]}:${p[1]}`;

/** The games of a match, side 1 first: "11:7 9:11 11:5". */
export const gamesLine = (games: readonly GameScore[]): string => games.map(pair).join(' ');

/** The headline score of a result: games won, or the gateball totals; empty for a walkover. */
export function resultScore(result: ResultSummary | null): string {
  if (!result) return '';
  if (result.kind === 'games') return pair(result.gamesWon);
  if (result.kind === 'gateball') return pair(result.score);
  return '';
}

/** The headline of a live score and the game in play (table tennis), e.g. {score: "1:0", current: "5:3"}. */
export function liveLine(live: LiveSummary | null): { score: string; current: string | null } {
  if (!live) return { score: '', current: null };
  if (live.kind === 'games') return { score: pair(live.gamesWon), current: live.current ? pair(live.current) : null };
  return { score: pair(live.score), current: null };
}

/** `invalid_score` and other refusals: the Chinese sentence in Chinese mode when the server sent one. */
export function refusalText(body: { message?: unknown; messageZh?: unknown }, lang: string): string {
  if (lang === 'zh-CN' && typeof body.messageZh === 'string' && body.messageZh) return body.messageZh;
  return typeof body.message === 'string' ? body.message : '';
}

export interface SideScore {
  /** Games won, or the gateball total; empty when there is nothing to show. */
  main: string;
  /** Table tennis in play: the points of the game in play. */
  current: string | null;
  /** This side won by walkover. */
  walkover: boolean;
}

/** What each side's line of a match box shows: the result once done, else the live score. */
export function sideScores(result: ResultSummary | null, live: LiveSummary | null, sides: readonly [string | null, string | null]): [SideScore, SideScore] {
  const empty = (): SideScore => ({ main: '', current: null, walkover: false });
  const out: [SideScore, SideScore] = [empty(), empty()];
  if (result) {
    if (result.kind === 'walkover') {
      const index = sides.indexOf(result.winnerId);
      if (index === 0 || index === 1) out[index].walkover = true;
    } else {
      const pairOf = result.kind === 'games' ? result.gamesWon : result.score;
      out[0].main = String(pairOf[0]);
      out[1].main = String(pairOf[1]);
    }
    return out;
  }
  if (live) {
    const pairOf = live.kind === 'games' ? live.gamesWon : live.score;
    out[0].main = String(pairOf[0]);
    out[1].main = String(pairOf[1]);
    if (live.kind === 'games' && live.current) {
      out[0].current = String(live.current[0]);
      out[1].current = String(live.current[1]);
    }
  }
  return out;
}
