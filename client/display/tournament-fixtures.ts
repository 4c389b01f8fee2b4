/** Small tournaments for the display's unit tests (shaped like `GET /api/tournaments/:id`). */
import type { MatchInfo, StandingsGroup, TournamentData, TournamentInfo } from './tournament-types.ts';

export function match(key: string, fields: Partial<MatchInfo> = {}): MatchInfo {
  return {
    id: `m-${key}`,
    key,
    stage: 'knockout',
    group: null,
    round: 1,
    number: 1,
    sides: [{ participantId: null }, { participantId: null }],
    status: 'waiting',
    result: null,
    live: null,
    winnerId: null,
    flag: null,
    roomId: null,
    scheduledAt: null,
    version: 1,
    ...fields,
  };
}

export const sides = (a: string | null, b: string | null) => [{ participantId: a }, { participantId: b }];

/** A single-elimination draw of `size` (a power of two): rounds of size/2, size/4 … 1 matches. */
export function knockout(size: number): MatchInfo[] {
  const out: MatchInfo[] = [];
  for (let round = 1, n = size / 2; n >= 1; round += 1, n /= 2) {
    for (let number = 1; number <= n; number += 1) out.push(match(`K${round}-${number}`, { round, number }));
  }
  return out;
}

export function tournament(fields: Partial<TournamentInfo> = {}): TournamentInfo {
  return {
    id: 't1',
    venueId: 'v1',
    name: '迎春杯',
    sport: 'table_tennis',
    format: 'single_elimination',
    status: 'running',
    roomIds: [],
    ...fields,
  };
}

export function data(fields: Partial<TournamentData> & { tournament?: TournamentInfo } = {}): TournamentData {
  return {
    tournament: tournament(),
    participants: ['p1', 'p2', 'p3', 'p4'].map((id, i) => ({ id, name: `选手${i + 1}`, seed: i + 1 })),
    matches: [],
    standings: [],
    placings: [],
    ...fields,
  };
}

/** Groups of `size` players each, named A, B, C …, with `played` matches on every row. */
export function groups(count: number, size: number, played = 0): StandingsGroup[] {
  return Array.from({ length: count }, (_, g) => ({
    group: String.fromCharCode(65 + g),
    rows: Array.from({ length: size }, (_, r) => ({
      participantId: `g${g}p${r}`,
      rank: r + 1,
      played,
      won: 0,
      lost: 0,
      matchPoints: 0,
      byLot: played === 0,
    })),
  }));
}
