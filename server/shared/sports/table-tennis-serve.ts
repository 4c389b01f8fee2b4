/**
 * Who serves, in a table tennis live score: `firstServer` (the side that served first in the match, chosen after
 * the toss) and `server` (the side serving now), each 1, 2 or null. When the first server is known, the side
 * serving now follows from the score (table-tennis-referee.ts `serverAt`: 2 serves each, 1 each from 10–10,
 * sides alternate from game to game), so the server works it out and refuses a `server` that contradicts it;
 * the hall screens then always mark the right side. Without it, a `server` sent alone is taken as it is.
 */
import { isRecord, type RuleViolation, type Side, violation } from './outcome.ts';
import { serverAt } from './table-tennis-referee.ts';
import type { GameScore } from './table-tennis.ts';

export type ServeRule = 'invalid_server' | 'server_mismatch' | 'not_table_tennis';
export type ServeViolation = RuleViolation<ServeRule>;

/** Fields of a gateball live score: sent for a table tennis match they mean the pad has the wrong sport. */
const GATEBALL_FIELDS = ['balls', 'score', 'turn', 'clock', 'phase'];

const isSide = (value: unknown): value is Side => value === 1 || value === 2;

export function readServe(payload: unknown, games: readonly GameScore[], current: GameScore | null):
  { ok: true; server: Side | null; firstServer: Side | null } | ServeViolation {
  if (!isRecord(payload)) return { ok: true, server: null, firstServer: null };
  const wrong = GATEBALL_FIELDS.find((k) => k in payload);
  if (wrong) {
    return violation('not_table_tennis',
      `"${wrong}" belongs to a gateball score; a table tennis live score has games, current, server and firstServer.`,
      `“${wrong}”是门球比分的字段；乒乓球实时比分只有各局比分、当前局比分、发球方和首局先发球方。`);
  }
  for (const key of ['server', 'firstServer'] as const) {
    const value = payload[key];
    if (value !== undefined && value !== null && !isSide(value)) {
      return violation('invalid_server',
        `"${key}" is the side serving (${key === 'server' ? 'now' : 'first in the match'}): 1, 2 or null, not ${JSON.stringify(value)}.`,
        `“${key === 'server' ? '发球方' : '先发球方'}”须为 1、2 或空，而不是 ${JSON.stringify(value)}。`);
    }
  }
  const firstServer = isSide(payload.firstServer) ? payload.firstServer : null;
  const sent = isSide(payload.server) ? payload.server : null;
  if (firstServer === null || current === null) return { ok: true, server: current === null ? null : sent, firstServer };
  const server = serverAt(firstServer, games.length, current[0], current[1]);
  if (sent !== null && sent !== server) {
    return violation('server_mismatch',
      `Side ${sent} cannot be serving at ${current[0]}–${current[1]} in game ${games.length + 1}: side ${firstServer} served first in the match, so side ${server} serves now.`,
      `第 ${games.length + 1} 局 ${current[0]}:${current[1]} 时不应由第 ${sent} 方发球：本场第 ${firstServer} 方先发球，现在应由第 ${server} 方发球。`,
      { game: games.length + 1 });
  }
  return { ok: true, server, firstServer };
}
