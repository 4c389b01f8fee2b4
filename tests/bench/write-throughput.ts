/**
 * Write throughput with the outbox: N transactions, each updating one room's capacity AND recording its
 * `room.updated` event through `write` (server/realtime/write.ts) (an unnumbered outbox row and pg_notify, no lock), against the
 * baseline of the very same UPDATE in a plain transaction with no event. Same database, same run.
 *
 * PostgreSQL runs the transactions from `concurrency` workers on a pool of as many connections; PGlite runs
 * one transaction at a time whatever the caller does, so it gets one worker (its natural serialisation).
 * No dispatcher is listening: this measures what the outbox costs the writer, not the fan-out.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { updateRoom } from '../../server/modules/venues/queries.ts';
import type { LiveEventMap } from '../../server/realtime/protocol.ts';
import { venueTopic } from '../../server/realtime/topics.ts';
import { write } from '../../server/realtime/write.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { createVenueWithRooms } from './fixture.ts';
import type { Row } from './report.ts';
import { repeat, spread, type RepeatOptions } from './stats.ts';

export interface WriteThroughputOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  transactions: number;
  /** Workers on PostgreSQL; PGlite always uses one. */
  concurrency: number;
  repeat: RepeatOptions;
}

/** Enough rooms that concurrent workers (taking consecutive indices) never wait on each other's row lock. */
const ROOMS = 64;

type Variant = 'outbox' | 'bare';

async function updateOnce(db: Kysely<DB>, roomId: string, capacity: number, variant: Variant): Promise<void> {
  if (variant === 'outbox') {
    await write(db, async ({ trx, emit }) => {
      const room = await updateRoom(trx, roomId, { capacity });
      if (!room) throw new Error(`room ${roomId} vanished`);
      // The row as it is (not the DTO): the payload stays the one every earlier run of this benchmark sent.
      emit({ topic: venueTopic(room.venueId), type: 'room.updated', data: { room } as unknown as LiveEventMap['room.updated'] });
    });
  } else {
    await db.transaction().execute(async (trx) => {
      const room = await updateRoom(trx, roomId, { capacity });
      if (!room) throw new Error(`room ${roomId} vanished`);
    });
  }
}

/** Runs `total` transactions from `workers` workers; returns transactions per second. */
async function timeWrites(db: Kysely<DB>, roomIds: readonly string[], total: number, workers: number, variant: Variant): Promise<number> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const roomId = roomIds[i % roomIds.length];
      if (!roomId) throw new Error('no rooms');
      await updateOnce(db, roomId, 10 + (i % 50), variant);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  return total / ((performance.now() - started) / 1000);
}

export async function benchWriteThroughput(options: WriteThroughputOptions): Promise<Row[]> {
  const workers = options.storage === 'pglite' ? 1 : options.concurrency;
  const scratch = await createScratchDatabase(options.storage, options.adminUrl, workers);
  try {
    const { db } = scratch.database;
    const { roomIds } = await createVenueWithRooms(db, ROOMS);
    const result = await repeat(options.repeat, async (index) => {
      // Dead row versions from the previous run would slow whichever variant comes next.
      await sql`vacuum rooms`.execute(db);
      // Alternate which variant goes first, so a drift within the run does not favour either.
      const order: Variant[] = index % 2 === 0 ? ['bare', 'outbox'] : ['outbox', 'bare'];
      const tps: Record<Variant, number> = { outbox: 0, bare: 0 };
      for (const variant of order) tps[variant] = await timeWrites(db, roomIds, options.transactions, workers, variant);
      return { outboxTps: tps.outbox, bareTps: tps.bare, ratio: tps.outbox / tps.bare };
    });
    const shape = workers === 1 ? 'one at a time' : `${workers} concurrent`;
    return [
      {
        benchmark: 'Write throughput (UPDATE room + outbox event)',
        storage: storageLabel[options.storage],
        measure: `transactions/s, ${options.transactions} txns, ${shape}`,
        value: result.median.outboxTps,
        baseline: result.median.bareTps,
        ratio: result.median.ratio,
        ratioRange: spread(result, 'ratio'),
        unit: 'tps',
      },
    ];
  } finally {
    await scratch.drop();
  }
}
