/** calendar_links rows (migration 202612071700): tokens only as sha256, owners joined for their rights now. */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

/** Under this, a feed request does not write last_used_at again: one write per link every few minutes. */
export const LAST_USED_EVERY_MINUTES = 5;

export interface LinkRow {
  id: string;
  userId: string;
  venueId: string;
  roomId: string | null;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  venueName: string;
  roomName: string | null;
  username: string;
  ownerDisabled: boolean;
  /** The owner may read the venue now: an admin, or assigned to it (city-wide referees make no links). */
  ownerMayRead: boolean;
}

function linksWithOwners(db: Executor) {
  return db
    .selectFrom('calendarLinks as cl')
    .innerJoin('users as u', 'u.id', 'cl.userId')
    .innerJoin('venues as v', 'v.id', 'cl.venueId')
    .leftJoin('rooms as r', 'r.id', 'cl.roomId')
    .select([
      'cl.id',
      'cl.userId',
      'cl.venueId',
      'cl.roomId',
      'cl.label',
      'cl.createdAt',
      'cl.lastUsedAt',
      'v.name as venueName',
      'r.name as roomName',
      'u.username',
      sql<boolean>`u.disabled_at is not null`.as('ownerDisabled'),
      sql<boolean>`(u.role = 'admin' or exists (select 1 from user_venues uv where uv.user_id = cl.user_id and uv.venue_id = cl.venue_id))`.as('ownerMayRead'),
    ])
    .where('cl.revokedAt', 'is', null);
}

export function listLinks(db: Executor, filter: { userId?: string; venueId?: string; roomId?: string | null } = {}): Promise<LinkRow[]> {
  let query = linksWithOwners(db);
  if (filter.userId !== undefined) query = query.where('cl.userId', '=', filter.userId);
  if (filter.venueId !== undefined) query = query.where('cl.venueId', '=', filter.venueId);
  if (filter.roomId !== undefined) query = filter.roomId === null ? query.where('cl.roomId', 'is', null) : query.where('cl.roomId', '=', filter.roomId);
  return query.orderBy('cl.createdAt', 'desc').orderBy('cl.id').execute();
}

export function findLink(db: Executor, id: string): Promise<LinkRow | undefined> {
  return linksWithOwners(db).where('cl.id', '=', id).executeTakeFirst();
}

/** The live link whose token hashes to `tokenHash`, with its owner's rights now; undefined if none. */
export function findLinkByTokenHash(db: Executor, tokenHash: string): Promise<LinkRow | undefined> {
  return linksWithOwners(db).where('cl.tokenHash', '=', tokenHash).executeTakeFirst();
}

/** The owner's live links, counted after locking the owner's row (FOR UPDATE) until the transaction ends. */
export async function countLiveLinksLocked(trx: Transaction<DB>, userId: string): Promise<number> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  const row = await trx
    .selectFrom('calendarLinks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertLink(
  trx: Transaction<DB>,
  values: { userId: string; venueId: string; roomId: string | null; label: string; tokenHash: string },
): Promise<{ id: string }> {
  return trx.insertInto('calendarLinks').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Marks the link revoked; false when it was not live (already revoked by someone else meanwhile). */
export async function revokeLink(trx: Transaction<DB>, id: string): Promise<boolean> {
  const result = await trx.updateTable('calendarLinks').set({ revokedAt: sql<Date>`now()` }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a use of the link, at most once every few minutes (a calendar program polls often). */
export async function touchLink(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('calendarLinks')
    .set({ lastUsedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', sql<Date>`now() - make_interval(mins => ${LAST_USED_EVERY_MINUTES})`)]))
    .execute();
}
