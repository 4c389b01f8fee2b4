/**
 * Booking creation latency against the size of the bookings table. Two apps (buildApp, requests through
 * `app.inject`, no TCP), each on its own scratch database: one with a small table of existing bookings
 * (1,000) and one with a large one (1,000,000 on PostgreSQL). Each run sends the same sequence of
 * `POST /api/bookings` to both, interleaved one by one, and takes p50/p99 of each; the small table's figure is
 * the baseline of the large one's, in the same run. The exclusion constraint's GiST index on
 * `(room_id, during)` (and the service's clash check, which uses it) should keep the two flat.
 *
 * The existing bookings are written once per invocation by one INSERT … SELECT generate_series: 200 rooms,
 * spread evenly over a grid of five years × three two-hour slots a day (08, 11 and 14 h UTC), confirmed.
 * The created bookings take one hour at 17 h UTC on a random day of those five years in a random room, so they
 * never clash but land among existing bookings; they are deleted (and the table vacuumed) after each run so
 * every run sees the same table sizes.
 *
 * A million rows in PGlite (WASM, one thread) took 150 s and 2.4 GB of memory to write on a 2-core machine
 * (PostgreSQL 15 there: 85–125 s, most of it maintaining the two GiST indexes), so PGlite's large table has
 * 100,000 bookings by default (about 10 s); the rows say which size they measured.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { createScratchDatabase, storageLabel, type BenchStorage, type ScratchDatabase } from './databases.ts';
import { createVenueWithRooms, signInAdmin } from './fixture.ts';
import type { Row } from './report.ts';
import { buildBenchApp } from './served-app.ts';
import { percentile, repeat, spread, type RepeatOptions } from './stats.ts';

export interface BookingTableSizes {
  /** Existing bookings in the baseline table. */
  small: number;
  /** Existing bookings in the measured table. */
  large: number;
}

/** PGlite cannot hold a million bookings in reasonable time and memory: see the file's comment. */
export const DEFAULT_BOOKING_TABLE_SIZES: Record<BenchStorage, BookingTableSizes> = {
  pglite: { small: 1_000, large: 100_000 },
  postgres: { small: 1_000, large: 1_000_000 },
};

export interface BookingLatencyOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  /** Bookings created in each table per run. */
  creations: number;
  /** Defaults to DEFAULT_BOOKING_TABLE_SIZES[storage]. */
  sizes?: BookingTableSizes;
  repeat: RepeatOptions;
  /** Setup progress (the fill takes a while); default: none. */
  log?: (line: string) => void;
}

const ROOMS = 200;
const DAYS = 5 * 365;
/** Two-hour slots a day for the existing bookings, at 08, 11 and 14 h UTC; created ones go at 17 h. */
const SLOTS_PER_DAY = 3;
const GRID_START = Date.UTC(2027, 0, 4);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Stage {
  size: number;
  scratch: ScratchDatabase;
  app: FastifyInstance;
  cookie: string;
  roomIds: string[];
}

/**
 * `total` confirmed bookings spread evenly over the rooms and the five-year grid, in one statement. Rows go in
 * in time order (as a real table fills); booking k of a room takes grid position ⌊k × positions / perRoom⌋,
 * so positions are distinct and the exclusion constraint holds.
 */
async function fillBookings(db: Kysely<DB>, venueId: string, total: number): Promise<void> {
  const perRoom = Math.ceil(total / ROOMS);
  const positions = DAYS * SLOTS_PER_DAY;
  if (perRoom > positions) throw new Error(`${total} bookings do not fit in ${ROOMS} rooms × ${positions} slots`);
  const start = new Date(GRID_START).toISOString();
  await sql`
    insert into bookings (venue_id, room_id, during, title, kind, status)
    select r.venue_id, r.id,
           tstzrange(${start}::timestamptz + (g.p / ${SLOTS_PER_DAY}) * interval '1 day' + (8 + 3 * (g.p % ${SLOTS_PER_DAY})) * interval '1 hour',
                     ${start}::timestamptz + (g.p / ${SLOTS_PER_DAY}) * interval '1 day' + (10 + 3 * (g.p % ${SLOTS_PER_DAY})) * interval '1 hour', '[)'),
           'Existing booking', 'activity', 'confirmed'
      from generate_series(0, ${perRoom - 1}::int) as k(n)
     cross join (select id, venue_id, row_number() over (order by id) - 1 as ri from rooms where venue_id = ${venueId}) as r
     cross join lateral (select k.n::bigint * ${positions}::bigint / ${perRoom}::bigint as p) as g
     where k.n::bigint * ${ROOMS} + r.ri < ${total}
     order by k.n, r.ri`.execute(db);
  await sql`vacuum analyze bookings`.execute(db);
}

async function openStage(options: BookingLatencyOptions, size: number): Promise<Stage> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  let app: FastifyInstance | null = null;
  try {
    app = await buildBenchApp(scratch.database);
    const cookie = await signInAdmin(app);
    const { venueId, roomIds } = await createVenueWithRooms(app.database.db, ROOMS);
    const started = performance.now();
    await fillBookings(app.database.db, venueId, size);
    options.log?.(`${size.toLocaleString('en-US')} existing bookings written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { size, scratch, app, cookie, roomIds };
  } catch (error) {
    await app?.close().catch(() => {});
    await scratch.drop();
    throw error;
  }
}

/** A small deterministic generator, so both tables get the same requests and runs differ from each other. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` distinct (room, day) picks for one run; the same for both tables. */
function picks(count: number, runIndex: number): Array<{ room: number; day: number }> {
  const random = prng(0x5eed + runIndex * 7919);
  const seen = new Set<number>();
  const out: Array<{ room: number; day: number }> = [];
  while (out.length < count) {
    const room = Math.floor(random() * ROOMS);
    const day = Math.floor(random() * DAYS);
    if (seen.has(room * DAYS + day)) continue;
    seen.add(room * DAYS + day);
    out.push({ room, day });
  }
  return out;
}

/** One POST /api/bookings; returns its latency and the new booking's id. */
async function createOne(stage: Stage, pick: { room: number; day: number }): Promise<{ ms: number; id: string }> {
  const start = GRID_START + pick.day * DAY + 17 * HOUR;
  const payload = {
    roomId: stage.roomIds[pick.room],
    start: new Date(start).toISOString(),
    end: new Date(start + HOUR).toISOString(),
    title: 'Bench booking',
    kind: 'meeting',
  };
  const started = performance.now();
  const response = await stage.app.inject({ method: 'POST', url: '/api/bookings', headers: { cookie: stage.cookie }, payload });
  const ms = performance.now() - started;
  if (response.statusCode !== 201) throw new Error(`POST /api/bookings answered ${response.statusCode}: ${response.body}`);
  const id = (response.json() as { bookings: Array<{ id: string }> }).bookings[0]?.id;
  if (!id) throw new Error('POST /api/bookings answered without a booking');
  return { ms, id };
}

/** Puts the table back to its filled size, so the next run measures the same thing. */
async function removeCreated(stage: Stage, ids: readonly string[]): Promise<void> {
  const db = stage.app.database.db;
  for (let i = 0; i < ids.length; i += 500) await db.deleteFrom('bookings').where('id', 'in', ids.slice(i, i + 500)).execute();
  await sql`vacuum bookings`.execute(db);
}

async function measure(small: Stage, large: Stage, creations: number, runIndex: number) {
  const samples = { small: [] as number[], large: [] as number[] };
  const created = { small: [] as string[], large: [] as string[] };
  const list = picks(creations, runIndex);
  for (const [i, pick] of list.entries()) {
    // Alternate which table goes first, so neither always follows the other's commit.
    const order = (i + runIndex) % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
    for (const which of order) {
      const { ms, id } = await createOne(which === 'small' ? small : large, pick);
      samples[which].push(ms);
      created[which].push(id);
    }
  }
  await removeCreated(small, created.small);
  await removeCreated(large, created.large);
  const smallP50 = percentile(samples.small, 50);
  const smallP99 = percentile(samples.small, 99);
  const largeP50 = percentile(samples.large, 50);
  const largeP99 = percentile(samples.large, 99);
  return { smallP50, smallP99, largeP50, largeP99, p50Ratio: largeP50 / smallP50, p99Ratio: largeP99 / smallP99 };
}

export async function benchBookingLatency(options: BookingLatencyOptions): Promise<Row[]> {
  const sizes = options.sizes ?? DEFAULT_BOOKING_TABLE_SIZES[options.storage];
  const stages: Stage[] = [];
  try {
    // The large table first: if it cannot be written, nothing else is worth waiting for.
    const large = await openStage(options, sizes.large);
    stages.push(large);
    const small = await openStage(options, sizes.small);
    stages.push(small);
    const result = await repeat(options.repeat, (index) => measure(small, large, options.creations, index));
    const n = (count: number) => count.toLocaleString('en-US');
    const base = {
      benchmark: 'Booking creation (POST /api/bookings, app.inject)',
      storage: storageLabel[options.storage],
      unit: 'ms' as const,
    };
    const m = result.median;
    const per = `${options.creations} creations`;
    return [
      { ...base, measure: `p50, ${n(sizes.small)} existing bookings, ${per}`, value: m.smallP50, baseline: null, ratio: null },
      {
        ...base,
        measure: `p50, ${n(sizes.large)} existing bookings (baseline: ${n(sizes.small)}), ${per}`,
        value: m.largeP50,
        baseline: m.smallP50,
        ratio: m.p50Ratio,
        ratioRange: spread(result, 'p50Ratio'),
      },
      { ...base, measure: `p99, ${n(sizes.small)} existing bookings, ${per}`, value: m.smallP99, baseline: null, ratio: null },
      {
        ...base,
        measure: `p99, ${n(sizes.large)} existing bookings (baseline: ${n(sizes.small)}), ${per}`,
        value: m.largeP99,
        baseline: m.smallP99,
        ratio: m.p99Ratio,
        ratioRange: spread(result, 'p99Ratio'),
      },
    ];
  } finally {
    for (const stage of stages) {
      await stage.app.close().catch(() => {});
      await stage.scratch.drop();
    }
  }
}
