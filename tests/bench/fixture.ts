/**
 * The data the benchmarks work on: one venue with rooms, written through the venues module's own queries,
 * and an administrator signed in over HTTP for the socket connections.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { insertRoom, insertVenue } from '../../server/modules/venues/queries.ts';
import { insertMembers } from '../../server/modules/members/queries.ts';

export interface VenueFixture {
  venueId: string;
  roomIds: string[];
}

export async function createVenueWithRooms(db: Kysely<DB>, rooms: number): Promise<VenueFixture> {
  const venue = await insertVenue(db, { name: `Bench venue ${Date.now()}`, timezone: 'Asia/Shanghai' });
  const roomIds: string[] = [];
  for (let i = 0; i < rooms; i += 1) {
    const room = await insertRoom(db, { venueId: venue.id, name: `Room ${i + 1}`, kind: 'classroom', capacity: 20 });
    roomIds.push(room.id);
  }
  return { venueId: venue.id, roomIds };
}

/** Creates an administrator and signs in through POST /api/auth/login; returns the `name=value` cookie. */
export async function signInAdmin(app: FastifyInstance): Promise<string> {
  const username = `bench_admin_${process.pid}`;
  const password = 'correct horse battery staple';
  await app.database.db.insertInto('users').values({ username, passwordHash: await hashPassword(password), role: 'admin' }).execute();
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed (${response.statusCode}): ${response.body}`);
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header[0] : header)?.split(';')[0];
  if (!cookie) throw new Error('sign-in answered without a session cookie');
  return cookie;
}

/** `count` members with card codes `BENCH000001`…, inserted in batches. */
export async function createMembers(db: Kysely<DB>, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const code = `BENCH${String(start + i + 1).padStart(6, '0')}`;
      codes.push(code);
      return {
        name: `会员${start + i + 1}`, memberNo: null, gender: null, birthMonth: null, formerUnit: null, formerPosition: null,
        category: 'retired' as const, phone: null, cardCode: code, notes: null,
      };
    });
    await insertMembers(db, batch);
  }
  return codes;
}

/** A kiosk of the venue, paired through the API as staff would; returns its bearer token. */
export async function pairKiosk(app: FastifyInstance, cookie: string, venueId: string): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/devices', headers: { cookie }, payload: { kind: 'kiosk', venueId, name: 'Bench kiosk' } });
  if (created.statusCode !== 201) throw new Error(`creating the kiosk failed: ${created.body}`);
  const { pairingCode } = created.json() as { pairingCode: string };
  const paired = await app.inject({ method: 'POST', url: '/api/devices/pair', payload: { pairingCode } });
  if (paired.statusCode !== 200) throw new Error(`pairing the kiosk failed: ${paired.body}`);
  return (paired.json() as { token: string }).token;
}
