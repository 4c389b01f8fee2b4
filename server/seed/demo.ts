/**
 * Loads the demo site (demo-data.ts) into a database: on the first start of `npm start`, and on demand with
 * `npm run seed`. It skips venues that already exist (by name), so running it twice adds nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { hashSecret, newPairingCode } from '../modules/auth/tokens.ts';
import { PAIRING_TTL_MS } from '../modules/devices/service.ts';
import { assignVenues, insertUserIfAbsent } from '../modules/users/queries.ts';
import { insertRoom, insertVenue, venueNameTaken } from '../modules/venues/queries.ts';
import { insertDevice } from '../modules/devices/queries.ts';
import { DEMO_COORDINATOR, DEMO_VENUES } from './demo-data.ts';
import { seedDemoBookings } from './demo-bookings.ts';
import { seedDemoMembers } from './demo-members.ts';
import { seedDemoTerm } from './demo-term.ts';
import { anyMemberExists } from './queries.ts';

export interface DemoSummary {
  venues: number;
  rooms: number;
  bookings: number;
  members: number;
  /** Applications to the demo term (in its application window on the day the demo is made). */
  applications: number;
  /** A few demo members' card codes, to scan or type at the kiosk (they are not numbered in order). */
  sampleCards: string[];
  coordinator: { username: string; password: string } | null;
  pairingCodes: Array<{ kind: 'kiosk' | 'display'; venue: string; code: string }>;
}

export async function seedDemo(trx: Transaction<DB>, timezone: string, adminId: string | null): Promise<DemoSummary> {
  const summary: DemoSummary = { venues: 0, rooms: 0, bookings: 0, members: 0, applications: 0, sampleCards: [], coordinator: null, pairingCodes: [] };
  const createdVenueIds: string[] = [];
  const cityRooms: { venue: { id: string; timezone: string }; rooms: Map<string, string> }[] = [];
  for (const demo of DEMO_VENUES) {
    if (await venueNameTaken(trx, demo.name)) continue;
    const venue = await insertVenue(trx, { name: demo.name, timezone, opensAt: demo.opensAt, closesAt: demo.closesAt });
    createdVenueIds.push(venue.id);
    summary.venues += 1;
    const rooms = new Map<string, string>();
    for (const room of demo.rooms) {
      rooms.set(room.name, (await insertRoom(trx, { ...room, venueId: venue.id })).id);
      summary.rooms += 1;
    }
    if (summary.venues === 1) {
      summary.bookings += await seedDemoBookings(trx, venue, rooms, adminId);
      cityRooms.push({ venue, rooms });
    }
  }
  const cityVenueId = createdVenueIds[0];
  if (!cityVenueId) return summary;
  if (!(await anyMemberExists(trx))) {
    const seeded = await seedDemoMembers(trx);
    summary.members = seeded.count;
    summary.sampleCards = seeded.sampleCards;
    // The term's applications come from the demo's own members, so only when the demo made them.
    for (const { venue, rooms } of cityRooms) summary.applications = await seedDemoTerm(trx, venue, rooms, adminId);
  }

  const password = randomBytes(6).toString('base64url');
  const coordinator = await insertUserIfAbsent(trx, {
    username: DEMO_COORDINATOR.username,
    passwordHash: await hashPassword(password),
    role: DEMO_COORDINATOR.role,
  });
  if (coordinator) {
    await assignVenues(trx, coordinator.id, [cityVenueId]);
    summary.coordinator = { username: DEMO_COORDINATOR.username, password };
  }
  for (const kind of ['kiosk', 'display'] as const) {
    const code = newPairingCode();
    await insertDevice(trx, {
      kind,
      venueId: cityVenueId,
      name: kind === 'kiosk' ? '大厅签到机' : '大厅显示屏',
      pairingCodeHash: hashSecret(code),
      pairingExpiresAt: new Date(Date.now() + PAIRING_TTL_MS),
      createdBy: adminId,
    });
    summary.pairingCodes.push({ kind, venue: DEMO_VENUES[0]!.name, code });
  }
  return summary;
}
