/** The statements of members' PINs and sessions (tables member_pins, member_sessions; habit 1). */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

const secondsOf = (ms: number) => ms / 1000;

/** A current (not removed) member, locked for the PIN being issued: a removal waits for it, or it for the removal. */
export function lockCurrentMember(trx: Transaction<DB>, memberId: string) {
  return trx
    .selectFrom('members')
    .select(['id', 'name', 'memberNo'])
    .where('id', '=', memberId)
    .where('removedAt', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Sets the member's PIN, replacing any earlier one; answers whether there was one. */
export async function upsertPin(db: Executor, pin: { memberId: string; pinHash: string; setBy: string }): Promise<boolean> {
  const previous = await db.selectFrom('memberPins').select('memberId').where('memberId', '=', pin.memberId).executeTakeFirst();
  await db
    .insertInto('memberPins')
    .values({ ...pin, setAt: sql`now()` })
    .onConflict((oc) => oc.column('memberId').doUpdateSet({ pinHash: pin.pinHash, setBy: pin.setBy, setAt: sql`now()` }))
    .execute();
  return previous !== undefined;
}

export interface MemberForLogin {
  id: string;
  name: string;
  memberNo: string;
  pinHash: string | null;
}

/**
 * The current member with this member number, and their PIN hash (null when none was issued). Compared as the
 * member search does, in any letter case; when two numbers differ only in case the exact one is taken, and
 * if neither is exact nobody is (which of them would it be?).
 */
export async function findMemberForLogin(db: Executor, memberNo: string): Promise<MemberForLogin | undefined> {
  const rows = await db
    .selectFrom('members')
    .leftJoin('memberPins', 'memberPins.memberId', 'members.id')
    .select(['members.id', 'members.name', 'members.memberNo', 'memberPins.pinHash'])
    .where(sql`upper(members.member_no)`, '=', memberNo.toUpperCase())
    .where('members.removedAt', 'is', null)
    .limit(10)
    .execute();
  const row = rows.length === 1 ? rows[0] : rows.find((r) => r.memberNo === memberNo);
  return row && row.memberNo !== null ? { id: row.id, name: row.name, memberNo: row.memberNo, pinHash: row.pinHash } : undefined;
}

export function insertMemberSession(db: Executor, session: { memberId: string; tokenHash: string; expiresAt: Date }) {
  return db.insertInto('memberSessions').values(session).returning(['id', 'expiresAt']).executeTakeFirstOrThrow();
}

export interface MemberSessionRow {
  sessionId: string;
  lastSeenAt: Date;
  memberId: string;
  name: string;
}

/** The live session behind a member cookie: not expired, used within `idleMs`, its member not removed. */
export function findMemberSession(db: Executor, tokenHash: string, idleMs: number): Promise<MemberSessionRow | undefined> {
  return db
    .selectFrom('memberSessions')
    .innerJoin('members', 'members.id', 'memberSessions.memberId')
    .select(['memberSessions.id as sessionId', 'memberSessions.lastSeenAt', 'members.id as memberId', 'members.name'])
    .where('memberSessions.tokenHash', '=', tokenHash)
    .where('memberSessions.expiresAt', '>', sql<Date>`now()`)
    .where('memberSessions.lastSeenAt', '>', sql<Date>`now() - make_interval(secs => ${secondsOf(idleMs)})`)
    .where('members.removedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * Records that the session was used, unless that was recorded less than `touchMs` ago. A lone bookkeeping
 * statement of the request path, outside write() (docs/architecture.md "Writes and live events").
 */
export function touchMemberSession(db: Executor, sessionId: string, touchMs: number) {
  return db
    .updateTable('memberSessions')
    .set({ lastSeenAt: sql`now()` })
    .where('id', '=', sessionId)
    .where('lastSeenAt', '<', sql<Date>`now() - make_interval(secs => ${secondsOf(touchMs)})`)
    .execute();
}

const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

/**
 * Ends the session whose cookie token hashes to `tokenHash`; returns its id if there was one. A member session
 * has no "revoked" state: ended is deleted, as nothing reads an ended session afterwards.
 */
export function deleteMemberSessionByToken(db: Executor, tokenHash: string) {
  return db.deleteFrom('memberSessions').where('tokenHash', '=', tokenHash).returning('id').execute().then(idsOf);
}

/** Ends every session of the member (a new PIN); returns their ids. */
export function deleteMemberSessions(db: Executor, memberId: string) {
  return db.deleteFrom('memberSessions').where('memberId', '=', memberId).returning('id').execute().then(idsOf);
}

/** Ends sessions past their expiry, unused for `idleMs`, or of a removed member; returns their ids. */
export function deleteLapsedMemberSessions(db: Executor, idleMs: number) {
  return db
    .deleteFrom('memberSessions')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', sql<Date>`now()`),
        eb('lastSeenAt', '<=', sql<Date>`now() - make_interval(secs => ${secondsOf(idleMs)})`),
        eb('memberId', 'in', eb.selectFrom('members').select('id').where('removedAt', 'is not', null)),
      ]),
    )
    .returning('id')
    .execute()
    .then(idsOf);
}
