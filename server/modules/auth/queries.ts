import { sql } from 'kysely';
import type { Role } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

/** A user's assigned venues as a JSON array, which pg and PGlite both parse the same way. */
export const venueIdsOf = (userIdColumn: 'users.id') =>
  sql<string[]>`coalesce((select jsonb_agg(uv.venue_id order by uv.venue_id) from user_venues uv where uv.user_id = ${sql.ref(userIdColumn)}), '[]'::jsonb)`;

export function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.username', 'users.passwordHash', 'users.role', 'users.disabledAt'])
    .select(venueIdsOf('users.id').as('venueIds'))
    .where(sql`lower(users.username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export function insertSession(db: Executor, session: { userId: string; tokenHash: string; expiresAt: Date }) {
  return db.insertInto('sessions').values(session).returning(['id', 'expiresAt']).executeTakeFirstOrThrow();
}

export interface SessionPrincipalRow {
  sessionId: string;
  lastUsedAt: Date;
  userId: string;
  username: string;
  role: Role;
  venueIds: string[];
}

/** The live session behind a cookie: not revoked, not expired, used within `idleMs`, its user not disabled. */
export function findSessionPrincipal(db: Executor, tokenHash: string, idleMs: number): Promise<SessionPrincipalRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id as sessionId', 'sessions.lastUsedAt', 'users.id as userId', 'users.username', 'users.role'])
    .select(venueIdsOf('users.id').as('venueIds'))
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.revokedAt', 'is', null)
    .where('sessions.expiresAt', '>', sql<Date>`now()`)
    .where('sessions.lastUsedAt', '>', sql<Date>`now() - make_interval(secs => ${idleMs / 1000})`)
    .where('users.disabledAt', 'is', null)
    .executeTakeFirst();
}

/** Records that the session was used, unless that was recorded less than `touchMs` ago. */
export function touchSession(db: Executor, sessionId: string, touchMs: number) {
  return db
    .updateTable('sessions')
    .set({ lastUsedAt: sql`now()` })
    .where('id', '=', sessionId)
    .where('lastUsedAt', '<', sql<Date>`now() - make_interval(secs => ${touchMs / 1000})`)
    .execute();
}

/** Revokes the live session whose cookie token hashes to `tokenHash`; returns its id if there was one. */
export function revokeSessionByToken(db: Executor, tokenHash: string) {
  return db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .returning('id')
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** Revokes sessions past their expiry or unused for `idleMs`; returns their ids. */
export function revokeLapsedSessions(db: Executor, idleMs: number) {
  return db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('revokedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('expiresAt', '<=', sql<Date>`now()`), eb('lastUsedAt', '<=', sql<Date>`now() - make_interval(secs => ${idleMs / 1000})`)]),
    )
    .returning('id')
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export function revokeSession(db: Executor, sessionId: string) {
  return db.updateTable('sessions').set({ revokedAt: sql`now()` }).where('id', '=', sessionId).where('revokedAt', 'is', null).execute();
}

export function findPasswordHash(db: Executor, userId: string) {
  return db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirst().then((r) => r?.passwordHash);
}

export function updatePasswordHash(db: Executor, userId: string, passwordHash: string) {
  return db.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
}

/** Revokes the user's live sessions, all but `keepSessionId` if given; returns the ids it revoked. */
export function revokeUserSessions(db: Executor, userId: string, keepSessionId?: string) {
  let query = db
    .updateTable('sessions')
    .set({ revokedAt: sql`now()` })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (keepSessionId !== undefined) query = query.where('id', '<>', keepSessionId);
  return query.returning('id').execute().then((rows) => rows.map((r) => r.id));
}

/** Sessions past expiry are useless; delete them now and then so the table stays small. */
export function deleteExpiredSessions(db: Executor) {
  return db.deleteFrom('sessions').where('expiresAt', '<', sql<Date>`now() - interval '1 day'`).execute();
}
