/** Test helpers: matches and views with sensible defaults (not bundled: only tests import this). */
import type { Match, TournamentView } from './types.ts';

export function match(key: string, over: Partial<Match> = {}): Match {
  const group = /^G:([^-]+)-R(\d+)-(\d+)$/.exec(key);
  const knock = /^[KWLR](\d+)-(\d+)$/.exec(key);
  const stage = group ? 'group' : key.startsWith('W') ? 'winners' : key.startsWith('L') ? 'losers' : key.startsWith('GF') ? 'grand_final'
    : key.startsWith('R') ? 'round_robin' : 'knockout';
  return {
    id: `id-${key}`,
    key,
    stage,
    group: group ? group[1]! : null,
    round: Number(group?.[2] ?? knock?.[1] ?? (key === 'GF2' ? 2 : 1)),
    number: Number(group?.[3] ?? knock?.[2] ?? 1),
    sides: [{ participantId: 'p1' }, { participantId: 'p2' }],
    status: 'ready',
    result: null,
    live: null,
    winnerId: null,
    flag: null,
    roomId: null,
    scheduledAt: null,
    version: 1,
    ...over,
  };
}

export function view(matches: Match[]): TournamentView {
  return {
    tournament: {
      id: 't', venueId: 'v', name: '测试赛', sport: 'table_tennis', format: 'single_elimination', bestOf: 3, team: false, groupCount: null,
      advancePerGroup: null, tiebreak: {}, status: 'running', roomIds: [], startsAt: null, matchMinutes: 30, version: 2,
    },
    participants: [
      { id: 'p1', name: '甲', seed: 1, players: [] },
      { id: 'p2', name: '乙', seed: null, players: [] },
    ],
    matches,
    standings: [],
    placings: [],
  };
}
