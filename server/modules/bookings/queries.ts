/**
 * Booking queries. A booking's `during` is a tstzrange; it is written from two instants and read back as
 * `start`/`end` timestamptz columns (Dates from both drivers), never as range text.
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import type { BookingKind, BookingSeriesTable, DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

export interface BookingRow {
  id: string;
  venueId: string;
  roomId: string;
  start: Date;
  end: Date;
  title: string;
  kind: BookingKind;
  status: 'confirmed' | 'cancelled';
  seriesId: string | null;
  occurrenceDate: string | null;
  version: number;
  expectedCount: number | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const range = (start: Date, end: Date) => sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;

const bookingColumns = [
  'bookings.id',
  'bookings.venueId',
  'bookings.roomId',
  sql<Date>`lower(bookings.during)`.as('start'),
  sql<Date>`upper(bookings.during)`.as('end'),
  'bookings.title',
  'bookings.kind',
  'bookings.status',
  'bookings.seriesId',
  sql<string | null>`to_char(bookings.occurrence_date, 'YYYY-MM-DD')`.as('occurrenceDate'),
  'bookings.version',
  'bookings.expectedCount',
  'bookings.notes',
  'bookings.createdAt',
  'bookings.updatedAt',
] as const;

export function listBookings(
  db: Executor,
  filter: { venueId: string; from: Date; to: Date; roomId?: string; includeCancelled?: boolean },
): Promise<BookingRow[]> {
  let query = db
    .selectFrom('bookings')
    .select([...bookingColumns])
    .where('bookings.venueId', '=', filter.venueId)
    .where(sql<boolean>`bookings.during && ${range(filter.from, filter.to)}`)
    .orderBy(sql`lower(bookings.during)`)
    .orderBy('bookings.id');
  if (filter.roomId) query = query.where('bookings.roomId', '=', filter.roomId);
  if (!filter.includeCancelled) query = query.where('bookings.status', '=', 'confirmed');
  return query.execute();
}

export function findBooking(db: Executor, id: string): Promise<BookingRow | undefined> {
  return db.selectFrom('bookings').select([...bookingColumns]).where('bookings.id', '=', id).executeTakeFirst();
}

/** Locks the booking for a change; a concurrent change waits, then sees the new version. */
export function lockBooking(trx: Transaction<DB>, id: string): Promise<BookingRow | undefined> {
  return trx.selectFrom('bookings').select([...bookingColumns]).where('bookings.id', '=', id).forUpdate().executeTakeFirst();
}

export function lockSeriesOccurrences(trx: Transaction<DB>, seriesId: string, fromDate: string | null): Promise<BookingRow[]> {
  let query = trx
    .selectFrom('bookings')
    .select([...bookingColumns])
    .where('bookings.seriesId', '=', seriesId)
    .where('bookings.status', '=', 'confirmed')
    .orderBy(sql`lower(bookings.during)`)
    .forUpdate();
  if (fromDate) query = query.where(sql<boolean>`bookings.occurrence_date >= ${fromDate}::date`);
  return query.execute();
}

export interface Slot {
  start: Date;
  end: Date;
}

/**
 * Every live booking of the room that overlaps any of the slots, with the index of the slot it blocks.
 * One query for a whole series: the slots travel as two arrays (starts, ends) unnested side by side.
 *
 * unnest of a bound array lets the planner see how many slots there are (one for a single booking). With
 * jsonb_to_recordset it assumed 100, and for a single slot it then preferred to read every booking of the room
 * and filter by time — a cost that grows with the room's history — over one GiST probe on (room_id, during).
 */
export async function findClashes(
  db: Executor,
  roomId: string,
  slots: readonly Slot[],
  exceptIds: readonly string[] = [],
): Promise<Array<BookingRow & { slot: number }>> {
  if (slots.length === 0) return [];
  const starts = slots.map((s) => s.start.toISOString());
  const ends = slots.map((s) => s.end.toISOString());
  const result = await sql<BookingRow & { slot: number }>`
    select b.id, b.venue_id as "venueId", b.room_id as "roomId", lower(b.during) as "start", upper(b.during) as "end",
           b.title, b.kind, b.status, b.series_id as "seriesId", to_char(b.occurrence_date, 'YYYY-MM-DD') as "occurrenceDate",
           b.version, b.expected_count as "expectedCount", b.notes, b.created_at as "createdAt", b.updated_at as "updatedAt",
           (o.n - 1)::int as slot
      from unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) with ordinality as o(s, e, n)
      join bookings b on b.room_id = ${roomId} and b.status = 'confirmed' and b.during && tstzrange(o.s, o.e, '[)')
     where not (${JSON.stringify(exceptIds)}::jsonb ? b.id::text)
     order by o.n, lower(b.during)`.execute(db);
  return result.rows;
}

export interface NewBooking {
  venueId: string;
  roomId: string;
  start: Date;
  end: Date;
  title: string;
  kind: BookingKind;
  expectedCount: number | null;
  notes: string | null;
  seriesId: string | null;
  occurrenceDate: string | null;
  createdBy: string | null;
}

export async function insertBookings(trx: Transaction<DB>, bookings: readonly NewBooking[]): Promise<BookingRow[]> {
  if (bookings.length === 0) return [];
  const rows = await trx
    .insertInto('bookings')
    .values(
      bookings.map((b) => ({
        venueId: b.venueId,
        roomId: b.roomId,
        during: range(b.start, b.end),
        title: b.title,
        kind: b.kind,
        expectedCount: b.expectedCount,
        notes: b.notes,
        seriesId: b.seriesId,
        occurrenceDate: b.occurrenceDate,
        createdBy: b.createdBy,
      })),
    )
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const inserted = await trx.selectFrom('bookings').select([...bookingColumns]).where('bookings.id', 'in', ids).execute();
  const byId = new Map(inserted.map((b) => [b.id, b]));
  return ids.map((id) => byId.get(id)!);
}

export interface BookingChange {
  roomId: string;
  start: Date;
  end: Date;
  title: string;
  kind: BookingKind;
  expectedCount: number | null;
  notes: string | null;
}

/** Writes a change and raises the version: every change, however small, is a new version. */
export async function updateBooking(trx: Transaction<DB>, id: string, change: BookingChange): Promise<BookingRow> {
  await trx
    .updateTable('bookings')
    .set({
      roomId: change.roomId,
      during: range(change.start, change.end),
      title: change.title,
      kind: change.kind,
      expectedCount: change.expectedCount,
      notes: change.notes,
      version: sql`version + 1`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  return (await findBooking(trx, id))!;
}

export async function cancelBookings(trx: Transaction<DB>, ids: readonly string[]): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  await trx
    .updateTable('bookings')
    .set({ status: 'cancelled', version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', 'in', ids)
    .where('status', '=', 'confirmed')
    .execute();
  return trx.selectFrom('bookings').select([...bookingColumns]).where('bookings.id', 'in', ids).orderBy(sql`lower(bookings.during)`).execute();
}

/** A new series; `exdates` as a list (stored as JSON). */
export type NewSeries = Omit<Insertable<BookingSeriesTable>, 'exdates'> & { exdates: string[] };

export function insertSeries(trx: Transaction<DB>, series: NewSeries) {
  return trx
    .insertInto('bookingSeries')
    .values({ ...series, exdates: JSON.stringify(series.exdates) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Holds off closures while bookings are written (and the other way round): see closures.ts. */
export async function shareLockVenue(trx: Transaction<DB>, venueId: string): Promise<void> {
  await trx.selectFrom('venues').select('id').where('id', '=', venueId).forShare().execute();
}

export async function exclusiveLockVenue(trx: Transaction<DB>, venueId: string): Promise<void> {
  await trx.selectFrom('venues').select('id').where('id', '=', venueId).forUpdate().execute();
}
