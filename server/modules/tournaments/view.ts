/**
 * Rows → the API's shapes, and the recomputation that keeps the `matches` rows equal to draw + results.
 */
import type { MatchRowStatus } from '../../db/schema.ts';
import type { Write } from '../../realtime/write.ts';
import type { Bracket } from './engine/index.ts';
import { derive, type Derived, type EnteredResult, type TournamentRules } from './derive.ts';
import * as q from './queries.ts';
import type { MatchDto, TournamentDto } from './schemas.ts';

export const toTournament = (t: q.TournamentRow): TournamentDto => ({
  id: t.id,
  venueId: t.venueId,
  name: t.name,
  sport: t.sport,
  format: t.format,
  bestOf: t.bestOf,
  team: t.team,
  groupCount: t.groupCount,
  advancePerGroup: t.advancePerGroup,
  tiebreak: t.tiebreak,
  status: t.status,
  roomIds: t.roomIds,
  startsAt: t.startsAt ? t.startsAt.toISOString() : null,
  matchMinutes: t.matchMinutes,
  version: t.version,
});

export const toMatch = (m: q.MatchRow): MatchDto => ({
  id: m.id,
  key: m.key,
  stage: m.stage,
  group: m.groupName,
  round: m.round,
  number: m.number,
  sides: [{ participantId: m.side1 }, { participantId: m.side2 }],
  status: m.status,
  result: m.result ?? null,
  live: m.live ?? null,
  winnerId: m.winnerId,
  flag: m.flag,
  roomId: m.roomId,
  scheduledAt: m.scheduledAt ? m.scheduledAt.toISOString() : null,
  version: m.version,
});

export function rulesOf(t: q.TournamentRow): TournamentRules {
  return { sport: t.sport, format: t.format, tiebreak: (t.tiebreak ?? {}) as TournamentRules['tiebreak'] };
}

export function drawOf(t: q.TournamentRow): Bracket | null {
  const stored = t.draw as { bracket?: Bracket } | null;
  return stored?.bracket ?? null;
}

/** A stored result row as the standings need it. */
export function enteredResults(rows: Awaited<ReturnType<typeof q.currentResults>>): EnteredResult[] {
  return rows.flatMap((r) => {
    const stored = r.result as { outcome?: EnteredResult['outcome']; detail?: EnteredResult['detail'] } | null;
    return stored?.outcome && stored.detail ? [{ key: r.key, enteredFor: r.enteredFor, outcome: stored.outcome, detail: stored.detail }] : [];
  });
}

/**
 * Recompute from draw + stored results and write what changed to the `matches` rows. Returns the derived
 * tournament and the matches that changed, as they are now.
 */
export async function recompute(trx: Write['trx'], t: q.TournamentRow): Promise<{ derived: Derived; changed: MatchDto[] }> {
  const draw = drawOf(t)!;
  const stored = await q.currentResults(trx, t.id);
  const results = enteredResults(stored);
  const storedByKey = new Map(stored.map((r) => [r.key, r.result]));
  const derived = derive(rulesOf(t), draw, results);
  const flags = new Map(derived.state.flags.map((f) => [f.key, f.reason]));
  const rows = await q.listMatches(trx, t.id);
  const changedIds: string[] = [];
  for (const row of rows) {
    const state = derived.state.byKey[row.key];
    if (!state) continue;
    const applied = state.result !== null;
    const live = applied ? null : (row.live ?? null);
    const status: MatchRowStatus = state.status === 'ready' && live !== null ? 'live' : state.status;
    const next: q.MatchUpdate = {
      side1: state.sides[0].participantId,
      side2: state.sides[1].participantId,
      status,
      winnerId: state.winnerId,
      // A flagged result stays visible beside its flag, so the referee sees what was entered before.
      result: storedByKey.get(row.key) ?? null,
      live,
      flag: flags.get(row.key) ?? null,
    };
    const same =
      next.side1 === row.side1 &&
      next.side2 === row.side2 &&
      next.status === row.status &&
      next.winnerId === row.winnerId &&
      next.flag === row.flag &&
      JSON.stringify(next.result) === JSON.stringify(row.result ?? null) &&
      JSON.stringify(next.live) === JSON.stringify(row.live ?? null);
    if (same) continue;
    await q.updateMatch(trx, row.id, next);
    changedIds.push(row.id);
  }
  const after = changedIds.length > 0 ? await q.listMatches(trx, t.id) : [];
  return { derived, changed: after.filter((m) => changedIds.includes(m.id)).map(toMatch) };
}
