/**
 * Recording a draw by lot (docs/rules.md "Lots"). Players the rules leave level
 * once their group is played out (standings/lot-state.ts) are placed by a physical draw; staff record the
 * order drawn here and the standings, and the knockout places fed from them, follow at once. Only a real,
 * final tie takes a draw; recording again corrects it. Audited, and told to `tournament:ID` like a result.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { tournamentTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import type { Principal } from '../auth/principal.ts';
import { derive } from './derive.ts';
import { emitMatches, emitStandings } from './events.ts';
import * as q from './queries.ts';
import { managedTournament } from './row-access.ts';
import type { RecordLotInput } from './schemas.ts';
import { drawOf, enteredResults, recompute, rulesOf, toTournament } from './view.ts';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

export async function recordLot(db: Kysely<DB>, principal: Principal | null, tournamentId: string, input: RecordLotInput) {
  const { user } = await managedTournament(db, principal, tournamentId);
  return write(db, async (w) => {
    const { trx, emit, audit } = w;
    const t = (await q.lockTournament(trx, tournamentId))!;
    const bracket = drawOf(t);
    if (t.status === 'draft' || !bracket) throw new AppError('conflict', 'The tournament has not started: there is no tie to draw yet.');
    const derived = derive(rulesOf(t), bracket, enteredResults(await q.currentResults(trx, t.id)));
    const standing = derived.standings.find((s) => s.group === input.group);
    if (!standing) {
      throw validationFailed('group', input.group === null ? 'This tournament has groups: name the group.' : `There is no group ${input.group}.`);
    }
    const where = input.group === null ? 'the table' : `group ${input.group}`;
    const lotRows = standing.rows.filter((r) => r.byLot === true);
    if (lotRows.length === 0) {
      const level = standing.rows.some((r) => r.decidedBy === 'level');
      throw new AppError('conflict', level
        ? `Players in ${where} are level but still have matches to play: the draw is made once nothing left can separate them.`
        : `Nobody in ${where} is placed by lot: the results decide every place.`);
    }
    const lotGroup = lotRows.find((r) => input.order.includes(r.participantId));
    const tied = lotGroup ? [lotGroup.participantId, ...((lotGroup.tiedWith as string[] | undefined) ?? [])] : [];
    if (!lotGroup || !sameSet(tied, input.order)) {
      const names = new Map((await q.listParticipants(trx, t.id)).map((p) => [p.id, p.name]));
      const sets = new Map<string, string[]>();
      for (const r of lotRows) {
        const set = [r.participantId, ...((r.tiedWith as string[] | undefined) ?? [])];
        sets.set([...set].sort().join(','), set);
      }
      const described = [...sets.values()].map((set) => set.map((id) => names.get(id) ?? id).join(', ')).join('; ');
      throw validationFailed('order', `List exactly the players tied by lot in ${where}, each once, in the order drawn: ${described}.`);
    }
    const before = (t.tiebreak ?? {}) as { lots?: Record<string, number> };
    const previous = tied.filter((id) => before.lots?.[id] !== undefined).sort((a, b) => before.lots![a]! - before.lots![b]!);
    const lots = { ...(before.lots ?? {}), ...Object.fromEntries(input.order.map((id, i) => [id, i + 1])) };
    await q.changeTournament(trx, t.id, { tiebreak: { ...before, lots }, version: t.version + 1 });
    const updated = (await q.findTournament(trx, t.id))!;
    const { derived: after, changed } = await recompute(trx, updated);
    emit({ topic: tournamentTopic(t.id), type: 'tournament.updated', data: { tournament: toTournament(updated) } });
    emitMatches(w, t.id, changed);
    emitStandings(w, t.id, after);
    const participants = new Map((await q.listParticipants(trx, t.id)).map((p) => [p.id, p.name]));
    await audit(user, {
      action: 'tournament.lot_drawn',
      entity: { kind: 'tournament', id: t.id, label: t.name },
      venueId: t.venueId,
      changes: { lotOrder: { from: previous.length === tied.length ? previous : null, to: input.order } },
      details: { group: input.group, names: Object.fromEntries(tied.map((id) => [id, participants.get(id) ?? null])) },
    });
    const standings = after.standings.find((s) => s.group === input.group)!;
    return { tournament: toTournament(updated), standings: { group: standings.group, rows: standings.rows, complete: standings.complete }, matches: changed };
  });
}
