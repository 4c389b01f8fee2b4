/**
 * The result forms' fields (typed text) → the payloads of `PUT /api/matches/:id/result`. Only the shape is
 * checked here (whole numbers, nothing half filled); the sport's rules are the server's, whose refusal
 * (`invalid_score`, with `messageZh`) is shown as it comes.
 */
import type { GameScore, ResultSummary } from './types.ts';

export type Parsed<T> = { ok: true; payload: T } | { ok: false; problem: 'empty' | 'not_a_number' | 'half_filled'; row?: number };

const WHOLE = /^\d{1,3}$/;

/** Game rows `[side 1, side 2]` as typed; blank rows are left out, a row with one blank is refused. */
export function parseGames(rows: ReadonlyArray<readonly [string, string]>): Parsed<{ games: GameScore[] }> {
  const games: GameScore[] = [];
  for (const [i, [a, b]] of rows.entries()) {
    const x = a.trim();
    const y = b.trim();
    if (!x && !y) continue;
    if (!x || !y) return { ok: false, problem: 'half_filled', row: i + 1 };
    if (!WHOLE.test(x) || !WHOLE.test(y)) return { ok: false, problem: 'not_a_number', row: i + 1 };
    games.push([Number(x), Number(y)]);
  }
  return games.length === 0 ? { ok: false, problem: 'empty' } : { ok: true, payload: { games } };
}

export function parseScore(a: string, b: string): Parsed<{ score: [number, number] }> {
  const x = a.trim();
  const y = b.trim();
  if (!x && !y) return { ok: false, problem: 'empty' };
  if (!x || !y) return { ok: false, problem: 'half_filled' };
  if (!WHOLE.test(x) || !WHOLE.test(y)) return { ok: false, problem: 'not_a_number' };
  return { ok: true, payload: { score: [Number(x), Number(y)] } };
}

/** The rows a table tennis form starts with: the stored result, else the live score, padded to best-of. */
export function gameRowsFrom(result: ResultSummary | null, live: { games: GameScore[]; current: GameScore | null } | null, bestOf: number): Array<[string, string]> {
  const known: GameScore[] = result?.kind === 'games' ? result.games : live ? [...live.games, ...(live.current && (live.current[0] || live.current[1]) ? [live.current] : [])] : [];
  const rows: Array<[string, string]> = known.map(([a, b]) => [String(a), String(b)]);
  while (rows.length < bestOf) rows.push(['', '']);
  return rows;
}
