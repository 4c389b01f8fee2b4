/**
 * A centre-ops server in a process of its own, for the first-come rush benchmark (enrolment-rush.ts): buildApp on
 * the benchmark's database, listening on 127.0.0.1, with the seat board's coalescer running as in production,
 * and the bare check-in route of checkin-throughput.ts beside it on its own port. Its own process because one
 * process may hold only so many sockets (this machine allows 20,000 open files a process), so 20,000 hall
 * screens need two servers on PostgreSQL; the embedded database is one process by nature.
 *
 * The parent drives it over IPC (one request, one answer; see spawn.ts):
 *   start     → started     open the database (PostgreSQL: the parent's scratch database; PGlite: in memory here) and listen
 *   setup     → ready       a venue with rooms, members, an administrator, a paired kiosk and a hall display (one server only)
 *   term      → term        a first-come term in its window (through the API) and its classes (one SQL statement)
 *   counts    → counts      per class of a term: capacity, seats taken, and places counted from the placements
 *   broadcast → broadcast   a bare emit of an event to the topic's device batch room, and when it was made
 * Any failure answers `error`. The process closes the app and exits when the parent disconnects.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../../server/db/connect.ts';
import { startSeatBoard } from '../../../server/modules/enrolment/seat-board.ts';
import { deviceRoom } from '../../../server/realtime/device-view.ts';
import { batchRoom, type LiveEvent } from '../../../server/realtime/protocol.ts';
import { bareServer } from '../checkin-throughput.ts';
import { createScratchDatabase } from '../databases.ts';
import { createEnrolmentMembers, createTerm, insertClasses, pairDevice } from '../enrolment-fixture.ts';
import { createVenueWithRooms, signInAdmin } from '../fixture.ts';
import { buildBenchApp } from '../served-app.ts';

export interface ClassCount {
  classId: string;
  capacity: number;
  /** term_classes.taken: the seats the triggers count (admitted + offered). */
  taken: number;
  /** Admitted + offered, counted from the placements themselves. */
  seated: number;
  /** Admitted + offered + waiting. */
  held: number;
}

export type ServerRequest =
  | { kind: 'start'; databaseUrl: string | null }
  | { kind: 'setup'; members: number; rooms: number }
  | { kind: 'term'; classes: number; capacity: number }
  | { kind: 'counts'; termId: string }
  | { kind: 'broadcast'; topic: string; event: LiveEvent };

export type ServerReply =
  | { kind: 'started'; url: string; bareUrl: string }
  | { kind: 'ready'; venueId: string; roomIds: string[]; memberIds: string[]; kioskToken: string; displayToken: string }
  | { kind: 'term'; termId: string; classIds: string[] }
  | { kind: 'counts'; classes: ClassCount[] }
  | { kind: 'broadcast'; emittedAt: number }
  | { kind: 'error'; message: string };

const clock = () => performance.timeOrigin + performance.now();

let server: { app: FastifyInstance; database: Database; stopBoard: () => void; bare: { close(): Promise<void> } } | null = null;
let site: { cookie: string; venueId: string; roomIds: string[] } | null = null;

function running() {
  if (!server) throw new Error('start first');
  return server;
}

async function start(databaseUrl: string | null): Promise<ServerReply> {
  if (server) throw new Error('already started');
  // PostgreSQL: the parent made and migrated the scratch database. PGlite: this process's own, in memory.
  const database = databaseUrl ? await openDatabase({ kind: 'postgres', url: databaseUrl }) : (await createScratchDatabase('pglite', null)).database;
  const app = await buildBenchApp(database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('the app is not listening on a TCP port');
  // The bench app runs no background jobs; the seat board's coalescer is what this benchmark is about.
  const stopBoard = startSeatBoard(database.db, app.log);
  const bare = await bareServer(app);
  server = { app, database, stopBoard, bare };
  return { kind: 'started', url: `http://127.0.0.1:${address.port}`, bareUrl: bare.url };
}

async function setup(members: number, rooms: number): Promise<ServerReply> {
  const { app, database } = running();
  const cookie = await signInAdmin(app);
  const { venueId, roomIds } = await createVenueWithRooms(database.db, rooms);
  const memberIds = await createEnrolmentMembers(database.db, members, 'RUSH');
  const kioskToken = await pairDevice(app, cookie, venueId, 'kiosk');
  const displayToken = await pairDevice(app, cookie, venueId, 'display');
  site = { cookie, venueId, roomIds };
  return { kind: 'ready', venueId, roomIds, memberIds, kioskToken, displayToken };
}

async function term(classes: number, capacity: number): Promise<ServerReply> {
  const { app, database } = running();
  if (!site) throw new Error('setup first');
  const termId = await createTerm(app, site.cookie, site.venueId, { mode: 'first_come', window: 'open', classesPerMember: 2, choicesPerApplication: 3 });
  const classIds = await insertClasses(database.db, termId, site.roomIds, Array.from({ length: classes }, () => capacity));
  return { kind: 'term', termId, classIds };
}

async function counts(termId: string): Promise<ServerReply> {
  const result = await sql<ClassCount>`
    select c.id as "classId", c.capacity, c.taken,
      (select count(*)::int from placements p where p.class_id = c.id and p.status in ('admitted', 'offered')) as seated,
      (select count(*)::int from placements p where p.class_id = c.id and p.status in ('admitted', 'offered', 'waitlisted')) as held
    from term_classes c where c.term_id = ${termId}`.execute(running().database.db);
  return { kind: 'counts', classes: result.rows };
}

function broadcast(topic: string, event: LiveEvent): ServerReply {
  const emittedAt = clock();
  // The screens are hall displays: they follow the topic through its device batch room (realtime/device-view.ts).
  running().app.io.to(deviceRoom(batchRoom(topic))).emit('events', [{ ...event, at: new Date().toISOString() }]);
  return { kind: 'broadcast', emittedAt };
}

async function handle(request: ServerRequest): Promise<ServerReply> {
  switch (request.kind) {
    case 'start':
      return start(request.databaseUrl);
    case 'setup':
      return setup(request.members, request.rooms);
    case 'term':
      return term(request.classes, request.capacity);
    case 'counts':
      return counts(request.termId);
    case 'broadcast':
      return broadcast(request.topic, request.event);
  }
}

process.on('message', (request: ServerRequest) => {
  handle(request).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ServerReply),
  );
});
process.on('disconnect', () => {
  const s = server;
  server = null;
  if (!s) process.exit(0);
  s.stopBoard();
  // app.close() closes the database too (server/app.ts onClose).
  void Promise.allSettled([s.bare.close(), s.app.close()]).finally(() => process.exit(0));
});
