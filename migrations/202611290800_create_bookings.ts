/**
 * Room bookings, booking series (a term of weekly classes) and venue closures.
 * The exclusion constraint is the guarantee that two live bookings of one room never overlap, however many
 * requests race; the service's own check only makes the refusal friendly.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);

  await db.schema
    .createTable('booking_series')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    // The first occurrence in the venue's wall time: recurrence expands from here.
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
    .addColumn('exdates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('restrict'))
    .addColumn('during', sql`tstzrange`, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('confirmed').check(sql`status in ('confirmed', 'cancelled')`))
    .addColumn('expected_count', 'integer', (c) => c.check(sql`expected_count is null or expected_count >= 0`))
    .addColumn('notes', 'text')
    .addColumn('series_id', 'uuid', (c) => c.references('booking_series.id').onDelete('set null'))
    // The local date this occurrence was generated for, kept when it is moved: it names it within the series.
    .addColumn('occurrence_date', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('bookings_during_valid', sql`not isempty(during) and lower_inc(during) and not upper_inc(during) and not lower_inf(during) and not upper_inf(during)`)
    .execute();
  await sql`alter table bookings add constraint bookings_no_overlap
    exclude using gist (room_id with =, during with &&) where (status <> 'cancelled')`.execute(db);
  await sql`create index bookings_venue_during_idx on bookings using gist (venue_id, during)`.execute(db);
  await db.schema.createIndex('bookings_series_idx').on('bookings').columns(['series_id', 'occurrence_date']).execute();

  await db.schema
    .createTable('venue_closures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('cascade'))
    // Null: the whole venue is closed; otherwise only this room (maintenance).
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('cascade'))
    .addColumn('during', sql`tstzrange`, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('venue_closures_during_valid', sql`not isempty(during) and not lower_inf(during) and not upper_inf(during)`)
    .execute();
  await sql`create index venue_closures_venue_during_idx on venue_closures using gist (venue_id, during)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_closures').execute();
  await db.schema.dropTable('bookings').execute();
  await db.schema.dropTable('booking_series').execute();
}
