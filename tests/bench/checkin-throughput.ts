/**
 * Check-in throughput over HTTP: the whole kiosk request (bearer token, validation, member by card, the visit,
 * the moved visit ended, the Idempotency-Key, the headcount and its outbox events, commit) against the baseline
 * of a bare Fastify route that validates a body of the same shape and does one INSERT on the same database.
 * Both answer requests sent by a separate process (children/load-generator.ts) at the same concurrency.
 *
 * Members rotate through the venue's rooms, so after the first pass every check-in also ends the member's
 * earlier visit (reason `moved`): the heavier, realistic path of a member walking from room to room.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { LoadJob, LoadResult } from './children/load-generator.ts';
import { spawnChild } from './children/spawn.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import type { Row } from './report.ts';
import { serveApp } from './served-app.ts';
import { repeat, spread, type RepeatOptions } from './stats.ts';

export interface CheckinThroughputOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Requests per variant per run. */
  requests: number;
  /** Requests in flight at once. */
  concurrency: number;
  repeat: RepeatOptions;
}

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 300);
const ROOMS = 8;

const bareBody = {
  type: 'object',
  additionalProperties: false,
  required: ['venueId', 'memberCode'],
  properties: { venueId: { type: 'string', format: 'uuid' }, memberCode: { type: 'string', maxLength: 64 }, roomId: { type: 'string', format: 'uuid' } },
} as const;

/** The baseline: Fastify, a validated body, one INSERT through the same Kysely instance, a JSON answer. */
export async function bareServer(app: FastifyInstance): Promise<{ url: string; close(): Promise<void> }> {
  const db = app.database.db;
  await sql`create table if not exists bench_bare (id bigserial primary key, body jsonb not null, at timestamptz not null default now())`.execute(db);
  const bare = Fastify({ logger: false });
  bare.post('/bare', { schema: { body: bareBody } }, async (request, reply) => {
    const row = await sql<{ id: number }>`insert into bench_bare (body) values (${JSON.stringify(request.body)}) returning id`.execute(db);
    return reply.status(201).send({ id: row.rows[0]?.id });
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  if (typeof address !== 'object' || !address) throw new Error('the bare server is not listening on a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => bare.close() };
}

function checkOk(result: LoadResult, what: string, expected: string): void {
  const good = result.statuses[expected] ?? 0;
  const total = Object.values(result.statuses).reduce((a, b) => a + b, 0);
  if (good !== total) throw new Error(`${what}: ${JSON.stringify(result.statuses)} — e.g. ${result.sample ?? '?'}`);
}

export async function benchCheckinThroughput(options: CheckinThroughputOptions): Promise<Row[]> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  const loader = spawnChild<LoadJob, LoadResult>('load-generator.ts');
  let app: FastifyInstance | undefined;
  let bare: Awaited<ReturnType<typeof bareServer>> | undefined;
  try {
    const served = await serveApp(scratch.database, { rooms: ROOMS, members: MEMBERS });
    app = served.app;
    const { url: appUrl, venueId, roomIds, memberCodes: codes, kioskToken: token } = served;
    bare = await bareServer(app);
    // Member i goes to room i mod ROOMS, then (next pass) to the next room: every later check-in is a move.
    const bodies = codes.map((memberCode, i) => JSON.stringify({ venueId, memberCode, roomId: roomIds[(i + Math.floor(i / MEMBERS)) % ROOMS] }));
    const rotated = codes.map((memberCode, i) => JSON.stringify({ venueId, memberCode, roomId: roomIds[(i + 1) % ROOMS] }));
    const jobs = {
      checkin: (pass: number): LoadJob => ({
        url: appUrl, path: '/api/checkins', headers: { authorization: `Bearer ${token}` }, bodies: pass % 2 === 0 ? bodies : rotated,
        total: options.requests, concurrency: options.concurrency, uuidHeader: 'idempotency-key',
      }),
      bare: (): LoadJob => ({ url: bare!.url, path: '/bare', headers: {}, bodies, total: options.requests, concurrency: options.concurrency }),
    };
    let pass = 0;
    const result = await repeat(options.repeat, async (index) => {
      const order = index % 2 === 0 ? (['bare', 'checkin'] as const) : (['checkin', 'bare'] as const);
      const rps = { checkin: 0, bare: 0 };
      for (const variant of order) {
        const outcome = variant === 'checkin' ? await loader.ask(jobs.checkin(pass++)) : await loader.ask(jobs.bare());
        checkOk(outcome, variant, '201');
        rps[variant] = outcome.rps;
      }
      return { checkinRps: rps.checkin, bareRps: rps.bare, ratio: rps.checkin / rps.bare };
    });
    return [
      {
        benchmark: 'Check-in throughput (HTTP, kiosk token)',
        storage: storageLabel[options.storage],
        measure: `requests/s, ${options.requests} requests, ${options.concurrency} in flight`,
        value: result.median.checkinRps,
        baseline: result.median.bareRps,
        ratio: result.median.ratio,
        ratioRange: spread(result, 'ratio'),
        unit: 'rps',
      },
    ];
  } finally {
    await loader.close();
    await bare?.close();
    if (app) await app.close();
    await scratch.drop();
  }
}
