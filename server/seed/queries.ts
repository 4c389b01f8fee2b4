/** The first start's own statements (first-start.ts) and the demo's one question about members (demo.ts). */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor } from '../db/executor.ts';

/** Waits for, then holds until the transaction ends, the lock that makes the first start's work happen once. */
export async function lockFirstStart(trx: Transaction<DB>, lock: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${lock})`.execute(trx);
}

export async function isInitialised(db: Executor): Promise<boolean> {
  return (await db.selectFrom('appMeta').select('key').where('key', '=', 'initialised_at').executeTakeFirst()) !== undefined;
}

export async function markInitialised(db: Executor, at: Date): Promise<void> {
  await db.insertInto('appMeta').values({ key: 'initialised_at', value: JSON.stringify(at.toISOString()) }).execute();
}

export async function anyMemberExists(db: Executor): Promise<boolean> {
  return (await db.selectFrom('members').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Demo members to apply for the demo term: a stable slice of the ledger with what eligibility needs. */
export function demoMembersForTerm(db: Executor, limit: number) {
  return db
    .selectFrom('members')
    .select(['id', 'gender', 'birthMonth', 'category'])
    .where('removedAt', 'is', null)
    .orderBy('memberNo')
    .orderBy('id')
    .limit(limit)
    .execute();
}
