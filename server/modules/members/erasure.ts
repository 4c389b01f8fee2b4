/**
 * What removing a member erases besides their row (docs/security.md "Audit log and privacy"). A member's name was copied wherever
 * they were entered in a tournament: their player in the entry, the entry's own name when the entry is the
 * person (a table tennis player), the past live events of those entries that the outbox keeps for replay,
 * and the audit entries of a draw by lot. Every copy gets the placeholder the members row gets, in the
 * removal's own transaction, so a removal is all or nothing.
 *
 * The rules are the database function `erase_member_copies` (migration 202612071710, which also applied them
 * once to the members removed before it). Elsewhere nothing holds a copy: visits, a booking's attendance and
 * the reports refer to the member by id and read the (anonymised) row; the audit log is erased by
 * audit/record.ts eraseMemberFromLog, after this (this reads the names the log recorded for the member).
 */
import { tournamentTopic } from '../../realtime/topics.ts';
import type { Write } from '../../realtime/write.ts';
import { participantsByIds } from '../tournaments/queries.ts';
import { eraseNameCopies } from './queries.ts';

/**
 * Replaces every copy of the member's name (`names`: what the row held before it was anonymised) and tells
 * each tournament whose entries changed (`participant.updated`), so open screens drop the name at once.
 */
export async function eraseMemberCopies({ trx, emit }: Write, memberId: string, names: readonly string[]): Promise<void> {
  const changed = await eraseNameCopies(trx, memberId, names);
  for (const { tournamentId, ...participant } of await participantsByIds(trx, changed)) {
    emit({ topic: tournamentTopic(tournamentId), type: 'participant.updated', data: { participant } });
  }
}
