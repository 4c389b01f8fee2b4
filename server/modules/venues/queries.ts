import { sql } from 'kysely';
import type { RoomKind } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

const venueColumns = ['id', 'name', 'timezone', 'opensAt', 'closesAt'] as const;
const roomColumns = ['id', 'venueId', 'name', 'kind', 'capacity'] as const;

export function listVenues(db: Executor, ids: readonly string[] | 'all') {
  let query = db.selectFrom('venues').select([...venueColumns]).orderBy('createdAt').orderBy('name');
  if (ids !== 'all') {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

export function findVenue(db: Executor, id: string) {
  return db.selectFrom('venues').select([...venueColumns]).where('id', '=', id).executeTakeFirst();
}

export function insertVenue(db: Executor, venue: { name: string; timezone: string; opensAt?: string; closesAt?: string }) {
  return db.insertInto('venues').values(venue).returning([...venueColumns]).executeTakeFirstOrThrow();
}

export function updateVenue(db: Executor, id: string, patch: { name?: string; timezone?: string; opensAt?: string; closesAt?: string }) {
  return db.updateTable('venues').set(patch).where('id', '=', id).returning([...venueColumns]).executeTakeFirst();
}

export function venueNameTaken(db: Executor, name: string, exceptId?: string) {
  let query = db.selectFrom('venues').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst().then(Boolean);
}

export function listRooms(db: Executor, venueId: string) {
  return db.selectFrom('rooms').select([...roomColumns]).where('venueId', '=', venueId).orderBy('name').execute();
}

export function findRoom(db: Executor, id: string) {
  return db.selectFrom('rooms').select([...roomColumns]).where('id', '=', id).executeTakeFirst();
}

export function insertRoom(db: Executor, room: { venueId: string; name: string; kind: RoomKind; capacity: number }) {
  return db.insertInto('rooms').values(room).returning([...roomColumns]).executeTakeFirstOrThrow();
}

export function updateRoom(db: Executor, id: string, patch: { name?: string; kind?: RoomKind; capacity?: number }) {
  return db.updateTable('rooms').set(patch).where('id', '=', id).returning([...roomColumns]).executeTakeFirst();
}

export function roomNameTaken(db: Executor, venueId: string, name: string, exceptId?: string) {
  let query = db.selectFrom('rooms').select('id').where('venueId', '=', venueId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst().then(Boolean);
}
