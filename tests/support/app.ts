/**
 * A running app on a fresh database for one test file: built through buildApp like production, listening on
 * a free port so socket.io clients can connect. Helpers sign in users and pair devices over HTTP.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Database } from '../../server/db/connect.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import type { Role } from '../../server/db/schema.ts';
import type { ClientToServerEvents, LiveEvent, ServerToClientEvents, SubscribeAck } from '../../server/realtime/protocol.ts';
import { createTestDatabase } from './database.ts';

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** http://127.0.0.1:PORT */
  url: string;
  /** This file's PostgreSQL URL (null on PGlite): a second app can share it. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

/**
 * Tests fire hundreds of check-ins from one address in a second, so the check-in flood guard is off unless a
 * test turns it on (tests/integration/abuse-limits.test.ts does).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { LOG_LEVEL: 'silent' },
    { port: 0, host: '127.0.0.1', staticDir: null, seedDemoOnFirstStart: false, checkinLimitPerMinute: 0, checkinLimitPerAddressPerMinute: 0, ...overrides },
  );
}

export async function startApp(database: Database, databaseUrl: string | null, overrides: Partial<Config> = {}): Promise<TestApp> {
  const app = await buildApp(testConfig(overrides), { database, logger: false, backgroundJobs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, database, url: `http://127.0.0.1:${port}`, databaseUrl, close: () => app.close() };
}

export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, url } = await createTestDatabase();
  return startApp(database, url, overrides);
}

let userCounter = 0;

/** Creates a user directly in the database and signs in over HTTP; returns the session cookie header. */
export async function signIn(
  t: Pick<TestApp, 'app' | 'database'>,
  role: Role = 'admin',
  venueIds: string[] = [],
): Promise<{ cookie: string; userId: string; username: string; password: string }> {
  userCounter += 1;
  const username = `${role}${userCounter}_${Math.random().toString(36).slice(2, 7)}`;
  const password = 'correct horse battery';
  const user = await t.database.db
    .insertInto('users')
    .values({ username, passwordHash: await hashPassword(password), role })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (venueIds.length > 0) await t.database.db.insertInto('userVenues').values(venueIds.map((venueId) => ({ userId: user.id, venueId }))).execute();
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, userId: user.id, username, password };
}

/** inject() with a session cookie. */
export function as(cookie: string) {
  return (t: Pick<TestApp, 'app'>, options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie } });
}

export async function createVenue(t: Pick<TestApp, 'app'>, cookie: string, name = `会场 ${Math.random().toString(36).slice(2, 8)}`) {
  const response = await t.app.inject({ method: 'POST', url: '/api/venues', headers: { cookie }, payload: { name } });
  if (response.statusCode !== 201) throw new Error(`create venue failed: ${response.body}`);
  return (response.json() as { venue: { id: string; name: string; timezone: string } }).venue;
}

export async function pairDevice(t: Pick<TestApp, 'app'>, cookie: string, venueId: string, kind: 'kiosk' | 'display' = 'kiosk') {
  const created = await t.app.inject({ method: 'POST', url: '/api/devices', headers: { cookie }, payload: { kind, venueId, name: `${kind} 1` } });
  if (created.statusCode !== 201) throw new Error(`create device failed: ${created.body}`);
  const { pairingCode, device } = created.json() as { pairingCode: string; device: { id: string } };
  const paired = await t.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { pairingCode } });
  if (paired.statusCode !== 200) throw new Error(`pairing failed: ${paired.body}`);
  return { deviceId: device.id, token: (paired.json() as { token: string }).token };
}

/** A socket.io client over WebSocket, authenticated by cookie or device token, collecting events. */
export async function liveClient(url: string, auth: { cookie?: string; token?: string }): Promise<LiveClient & { events: LiveEvent[]; frames: LiveEvent[][] }> {
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(auth.token ? { auth: { token: auth.token } } : {}),
    ...(auth.cookie ? { extraHeaders: { cookie: auth.cookie } } : {}),
  }) as LiveClient & { events: LiveEvent[]; frames: LiveEvent[][] };
  socket.events = [];
  socket.frames = [];
  socket.on('event', (event) => {
    socket.events.push(event);
    socket.frames.push([event]);
  });
  // Batch subscriptions (protocol.ts): several events in one frame.
  socket.on('events', (events) => {
    socket.events.push(...events);
    socket.frames.push(events);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

export function subscribe(socket: LiveClient, topic: string, after?: number, options: { batch?: boolean } = {}): Promise<SubscribeAck> {
  return socket.timeout(10_000).emitWithAck('subscribe', { topic, ...(after === undefined ? {} : { after }), ...options });
}

/** Waits until `predicate` holds, polling; fails with `what` after a generous timeout. */
export async function eventually(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
