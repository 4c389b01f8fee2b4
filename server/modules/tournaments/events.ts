/**
 * What a recomputed tournament tells `tournament:ID`: each match that changed, then the standings. Shared by
 * results (service.ts) and draws by lot (lots.ts), so screens get the same events in the same order from both.
 */
import type { Write } from '../../realtime/write.ts';
import { tournamentTopic } from '../../realtime/topics.ts';
import type { Derived } from './derive.ts';
import type { MatchDto } from './schemas.ts';

export function emitMatches(w: Write, tournamentId: string, matches: readonly MatchDto[]): void {
  for (const match of matches) w.emit({ topic: tournamentTopic(tournamentId), type: 'match.updated', data: { match } });
}

export function emitStandings(w: Write, tournamentId: string, { standings, placings }: Pick<Derived, 'standings' | 'placings'>): void {
  w.emit({ topic: tournamentTopic(tournamentId), type: 'standings.changed', data: { standings, placings } });
}
