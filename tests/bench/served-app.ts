/**
 * The app under test for the socket benchmarks: buildApp on a scratch database, listening on 127.0.0.1, with
 * a venue, its members and a paired kiosk, as a site would have them.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/connect.ts';
import { venueTopic } from '../../server/realtime/topics.ts';
import { createMembers, createVenueWithRooms, pairKiosk, signInAdmin } from './fixture.ts';

/** Environment that turns the per-process check-in flood guard off (bench and burst tests). */
export const BENCH_LIMITS_OFF = { CHECKIN_LIMIT_PER_MINUTE: '0', CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE: '0' };

export interface ServedApp {
  app: FastifyInstance;
  url: string;
  cookie: string;
  venueId: string;
  roomIds: string[];
  topic: string;
  memberCodes: string[];
  kioskToken: string;
}

/**
 * The app as every benchmark builds it: no log, no static pages, no demo data, no background jobs, and no
 * check-in flood guard (one load generator plays hundreds of kiosks from one address).
 */
export function buildBenchApp(database: Database): Promise<FastifyInstance> {
  const config = loadConfig(
    { LOG_LEVEL: 'silent', ...BENCH_LIMITS_OFF },
    { port: 0, host: '127.0.0.1', staticDir: null, seedDemoOnFirstStart: false },
  );
  return buildApp(config, { database, logger: false, backgroundJobs: false });
}

export async function serveApp(database: Database, site: { rooms: number; members: number }): Promise<ServedApp> {
  const app = await buildBenchApp(database);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the app is not listening on a TCP port');
    const cookie = await signInAdmin(app);
    const { venueId, roomIds } = await createVenueWithRooms(database.db, site.rooms);
    const memberCodes = site.members > 0 ? await createMembers(database.db, site.members) : [];
    const kioskToken = await pairKiosk(app, cookie, venueId);
    return { app, url: `http://127.0.0.1:${address.port}`, cookie, venueId, roomIds, topic: venueTopic(venueId), memberCodes, kioskToken };
  } catch (error) {
    await app.close();
    throw error;
  }
}
