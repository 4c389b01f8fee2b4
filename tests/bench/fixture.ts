/**
 * The data the benchmarks work on: one venue with rooms, written through the venues module's own queries,
 * and an administrator signed in over HTTP for the socket connections.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { insertRoom, insertVenue } from '../../server/modules/venues/queries.ts';

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
