/**
 * Venues and rooms. Every change records its `venue:ID` event in the same transaction (`write`),
 * so screens learn of it exactly when it is committed.
 */
import type { Kysely } from 'kysely';
import type { DB, Room, Venue } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { isValidTimeZone } from '../../config.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { venueTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { canReadVenue, requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import * as q from './queries.ts';
import type { CreateRoomInput, CreateVenueInput, RoomDto, UpdateRoomInput, UpdateVenueInput, VenueDto } from './schemas.ts';

const toVenue = (v: Pick<Venue, 'id' | 'name' | 'timezone' | 'opensAt' | 'closesAt'>): VenueDto => ({
  id: v.id,
  name: v.name,
  timezone: v.timezone,
  opensAt: v.opensAt,
  closesAt: v.closesAt,
});
const toRoom = (r: Pick<Room, 'id' | 'venueId' | 'name' | 'kind' | 'capacity'>): RoomDto => ({ ...r });

function checkTimezone(timezone: string | undefined): void {
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    throw validationFailed('timezone', `"${timezone}" is not a time zone; use an IANA name such as Asia/Shanghai.`);
  }
}

function checkHours(opensAt: string, closesAt: string): void {
  if (opensAt >= closesAt) throw validationFailed('closesAt', 'The closing time must be later than the opening time.');
}

const duplicateName = (what: string, name: string) => new AppError('duplicate', `${what} named "${name}" already exists.`, { field: 'name' });

export async function listVenues(db: Kysely<DB>, principal: Principal | null): Promise<VenueDto[]> {
  const p = requirePrincipal(principal);
  const ids = p.kind === 'device' ? [p.venueId] : p.kind === 'member' || p.role === 'admin' || (p.role === 'referee' && p.venueIds.length === 0) ? 'all' : p.venueIds;
  return (await q.listVenues(db, ids)).map(toVenue);
}

export async function getVenue(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<VenueDto> {
  const p = requirePrincipal(principal);
  const venue = await q.findVenue(db, venueId);
  if (!venue) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  return toVenue(venue);
}

/** Admins only (the access table): no venue of the caller's to check. */
export async function createVenue(db: Kysely<DB>, input: CreateVenueInput, defaultTimezone: string) {
  const name = input.name.trim();
  const timezone = input.timezone ?? defaultTimezone;
  checkTimezone(timezone);
  checkHours(input.opensAt ?? '08:00', input.closesAt ?? '21:00');
  if (await q.venueNameTaken(db, name)) throw duplicateName('A venue', name);
  try {
    return await write(db, async ({ trx, emit }) => {
      const venue = toVenue(await q.insertVenue(trx, { ...input, name, timezone }));
      emit({ topic: venueTopic(venue.id), type: 'venue.updated', data: { venue } });
      return venue;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('A venue', name);
    throw error;
  }
}

/** Admins only (the access table), and every venue is an admin's. */
export async function updateVenue(db: Kysely<DB>, venueId: string, input: UpdateVenueInput) {
  checkTimezone(input.timezone);
  const name = input.name?.trim();
  try {
    return await write(db, async ({ trx, emit }) => {
      const current = await q.findVenue(trx, venueId);
      if (!current) throw notFound('The venue');
      checkHours(input.opensAt ?? current.opensAt, input.closesAt ?? current.closesAt);
      if (name && (await q.venueNameTaken(trx, name, venueId))) throw duplicateName('A venue', name);
      const updated = await q.updateVenue(trx, venueId, { ...input, ...(name ? { name } : {}) });
      if (!updated) throw notFound('The venue');
      const venue = toVenue(updated);
      emit({ topic: venueTopic(venueId), type: 'venue.updated', data: { venue } });
      return venue;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('A venue', name ?? '');
    throw error;
  }
}

export async function listRooms(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<RoomDto[]> {
  await getVenue(db, principal, venueId);
  return (await q.listRooms(db, venueId)).map(toRoom);
}

export async function createRoom(db: Kysely<DB>, principal: Principal | null, venueId: string, input: CreateRoomInput) {
  if (!(await q.findVenue(db, venueId))) throw notFound('The venue');
  userOfVenue(principal, venueId);
  const name = input.name.trim();
  try {
    return await write(db, async ({ trx, emit }) => {
      if (await q.roomNameTaken(trx, venueId, name)) throw duplicateName('A room', name);
      const room = toRoom(await q.insertRoom(trx, { ...input, name, venueId }));
      emit({ topic: venueTopic(venueId), type: 'room.created', data: { room } });
      return room;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('A room', name);
    throw error;
  }
}

export async function updateRoom(db: Kysely<DB>, principal: Principal | null, roomId: string, input: UpdateRoomInput) {
  const existing = await q.findRoom(db, roomId);
  if (!existing) throw notFound('The room');
  userOfVenue(principal, existing.venueId);
  const name = input.name?.trim();
  try {
    return await write(db, async ({ trx, emit }) => {
      if (name && (await q.roomNameTaken(trx, existing.venueId, name, roomId))) throw duplicateName('A room', name);
      const updated = await q.updateRoom(trx, roomId, { ...input, ...(name ? { name } : {}) });
      if (!updated) throw notFound('The room');
      const room = toRoom(updated);
      emit({ topic: venueTopic(room.venueId), type: 'room.updated', data: { room } });
      return room;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('A room', name ?? '');
    throw error;
  }
}

/** `venue:ID` belongs to that venue, when it exists (the topic's access check: server/realtime/topics.ts). */
export function venueTopicVenue(db: Kysely<DB>) {
  return async (venueId: string) => ((await q.findVenue(db, venueId)) ? venueId : null);
}
