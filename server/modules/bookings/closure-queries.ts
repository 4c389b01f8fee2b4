import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { range, type Slot } from './queries.ts';

export interface ClosureRow {
  id: string;
  venueId: string;
  roomId: string | null;
  start: Date;
  end: Date;
  reason: string;
}

const closureColumns = [
  'venueClosures.id',
  'venueClosures.venueId',
  'venueClosures.roomId',
  sql<Date>`lower(venue_closures.during)`.as('start'),
  sql<Date>`upper(venue_closures.during)`.as('end'),
  'venueClosures.reason',
] as const;

export function listClosures(db: Executor, venueId: string, from: Date, to: Date): Promise<ClosureRow[]> {
  return db
    .selectFrom('venueClosures')
    .select([...closureColumns])
    .where('venueClosures.venueId', '=', venueId)
    .where(sql<boolean>`venue_closures.during && ${range(from, to)}`)
    .orderBy(sql`lower(venue_closures.during)`)
    .execute();
}

export function findClosure(db: Executor, id: string): Promise<ClosureRow | undefined> {
  return db.selectFrom('venueClosures').select([...closureColumns]).where('venueClosures.id', '=', id).executeTakeFirst();
}

/** Closures of the whole venue, or of this room, overlapping any slot; with the slot index. */
export async function findClosuresFor(
  db: Executor,
  venueId: string,
  roomId: string,
  slots: readonly Slot[],
): Promise<Array<ClosureRow & { slot: number }>> {
  if (slots.length === 0) return [];
  const json = JSON.stringify(slots.map((s, i) => ({ i, s: s.start.toISOString(), e: s.end.toISOString() })));
  const result = await sql<ClosureRow & { slot: number }>`
    select c.id, c.venue_id as "venueId", c.room_id as "roomId", lower(c.during) as "start", upper(c.during) as "end", c.reason, o.i as slot
      from jsonb_to_recordset(${json}::jsonb) as o(i int, s timestamptz, e timestamptz)
      join venue_closures c on c.venue_id = ${venueId} and (c.room_id is null or c.room_id = ${roomId})
                           and c.during && tstzrange(o.s, o.e, '[)')
     order by o.i, lower(c.during)`.execute(db);
  return result.rows;
}

export async function insertClosure(
  trx: Transaction<DB>,
  closure: { venueId: string; roomId: string | null; start: Date; end: Date; reason: string; createdBy: string | null },
): Promise<ClosureRow> {
  const { id } = await trx
    .insertInto('venueClosures')
    .values({ venueId: closure.venueId, roomId: closure.roomId, during: range(closure.start, closure.end), reason: closure.reason, createdBy: closure.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findClosure(trx, id))!;
}

export function deleteClosure(trx: Transaction<DB>, id: string) {
  return trx.deleteFrom('venueClosures').where('id', '=', id).execute();
}

/** Live bookings inside a closure: of the whole venue, or of the one room. */
export function bookingIdsInside(trx: Transaction<DB>, venueId: string, roomId: string | null, start: Date, end: Date) {
  let query = trx
    .selectFrom('bookings')
    .select('id')
    .where('venueId', '=', venueId)
    .where('status', '=', 'confirmed')
    .where(sql<boolean>`during && ${range(start, end)}`);
  if (roomId) query = query.where('roomId', '=', roomId);
  return query.execute().then((rows) => rows.map((r) => r.id));
}
