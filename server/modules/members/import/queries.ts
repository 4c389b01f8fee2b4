/**
 * What a ledger import reads and locks: the members a file's lines may already be (by member number, card
 * code, or name and phone), and one lock so two imports never decide "new member" for the same person at once.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MemberValues } from '../queries.ts';

/** pg_advisory_xact_lock key of member imports (any constant no other lock uses). */
const IMPORT_LOCK = 7_202_612_076;

/**
 * Imports run one at a time: the second waits for the first to commit and then sees its members. Card codes
 * and member numbers are unique in the database anyway; a name with a phone is not, and is how a member
 * without a card is recognised, so without the lock two imports of the same file racing would add them twice.
 */
export async function lockImports(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

/** A member already in the ledger: the fields an import line can set, and the id to update. */
export type ExistingMember = MemberValues & { id: string };

/** Current (not removed) members with one of these member numbers or card codes, or one of these name + phone pairs. */
export async function findExisting(
  trx: Transaction<DB>,
  keys: { memberNos: string[]; cardCodes: string[]; names: string[]; phones: string[] },
): Promise<ExistingMember[]> {
  if (keys.memberNos.length + keys.cardCodes.length + keys.names.length === 0) return [];
  const result = await sql<ExistingMember>`
    select id, member_no, name, gender, birth_month, former_unit, former_position, category, phone, card_code, notes
      from members m
     where m.removed_at is null
       and (m.member_no = any(${keys.memberNos}::text[])
            or m.card_code = any(${keys.cardCodes}::text[])
            or (m.name, m.phone) in (select * from unnest(${keys.names}::text[], ${keys.phones}::text[])))`.execute(trx);
  return result.rows;
}
