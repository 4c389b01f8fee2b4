import { sql, type Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { venueIdsOf } from '../auth/queries.ts';

export function listUsers(db: Executor) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.username', 'users.role', 'users.disabledAt', 'users.createdAt'])
    .select(venueIdsOf('users.id').as('venueIds'))
    .orderBy('users.username')
    .execute();
}

export function usernameTaken(db: Executor, username: string) {
  return db.selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst().then(Boolean);
}

export function insertUser(db: Executor, user: { username: string; passwordHash: string; role: Role }) {
  return db.insertInto('users').values(user).returning(['id', 'username', 'role', 'createdAt']).executeTakeFirstOrThrow();
}

/** Insert unless the username exists (several processes may bootstrap at once); undefined if it did. */
export function insertUserIfAbsent(db: Executor, user: { username: string; passwordHash: string; role: Role }) {
  return db
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export function assignVenues(db: Executor, userId: string, venueIds: readonly string[]) {
  if (venueIds.length === 0) return Promise.resolve();
  return db.insertInto('userVenues').values(venueIds.map((venueId) => ({ userId, venueId }))).execute().then(() => undefined);
}

export function countExistingVenues(db: Executor, venueIds: readonly string[]) {
  if (venueIds.length === 0) return Promise.resolve(0);
  return db
    .selectFrom('venues')
    .select(db.fn.countAll<number>().as('n'))
    .where('id', 'in', venueIds)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countUsers(db: Executor) {
  return db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
}

/**
 * Locks the user and every active admin, in id order (one statement, so two admins changing each other at
 * once queue instead of deadlocking); returns the locked rows as they are after any wait. The caller can
 * then count the other active admins safely: none can be demoted or disabled until it commits.
 */
export function lockUserAndActiveAdmins(trx: Transaction<DB>, userId: string) {
  return trx
    .selectFrom('users')
    .select(['users.id', 'users.username', 'users.role', 'users.disabledAt', 'users.createdAt'])
    .where((eb) => eb.or([eb('users.id', '=', userId), eb.and([eb('users.role', '=', 'admin'), eb('users.disabledAt', 'is', null)])]))
    .orderBy('users.id')
    .forUpdate()
    .execute();
}

export function venueIdsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('userVenues')
    .select('venueId')
    .where('userId', '=', userId)
    .orderBy('venueId')
    .execute()
    .then((rows) => rows.map((r) => r.venueId));
}

export function updateUserRow(trx: Transaction<DB>, userId: string, patch: { role?: Role; disabled?: boolean; passwordHash?: string }) {
  return trx
    .updateTable('users')
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? sql<Date>`now()` : null } : {}),
      ...(patch.passwordHash !== undefined ? { passwordHash: patch.passwordHash } : {}),
    })
    .where('id', '=', userId)
    .execute();
}

export async function replaceVenues(trx: Transaction<DB>, userId: string, venueIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('userVenues').where('userId', '=', userId).execute();
  await assignVenues(trx, userId, venueIds);
}
