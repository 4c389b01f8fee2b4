/**
 * Members, visits (check-ins) and the idempotency keys of check-in requests.
 * The database guards: a card code names one member; a member has at most one open visit; a request key is
 * used once (a retried or duplicated request finds the visit it made instead of making another).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('member_no', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.check(sql`gender is null or gender in ('male', 'female')`))
    .addColumn('birth_month', 'text', (c) => c.check(sql`birth_month is null or birth_month ~ '^[12][0-9]{3}-(0[1-9]|1[0-2])$'`))
    .addColumn('former_unit', 'text')
    .addColumn('former_position', 'text')
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('other').check(sql`category in ('veteran', 'retired', 'leader', 'other')`))
    .addColumn('phone', 'text')
    .addColumn('card_code', 'text')
    .addColumn('notes', 'text')
    .addColumn('removed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index members_card_code_key on members (card_code) where card_code is not null`.execute(db);
  await sql`create unique index members_member_no_key on members (member_no) where member_no is not null`.execute(db);
  await sql`create index members_name_idx on members (name)`.execute(db);
  await sql`create index members_phone_idx on members (phone)`.execute(db);

  await db.schema
    .createTable('visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('member_id', 'uuid', (c) => c.references('members.id').onDelete('restrict'))
    // Walk-in visitors without a card, or people a member brings along.
    .addColumn('guests', 'integer', (c) => c.notNull().defaultTo(0).check(sql`guests >= 0 and guests <= 200`))
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('booking_id', 'uuid', (c) => c.references('bookings.id').onDelete('set null'))
    .addColumn('checked_in_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('checked_out_at', 'timestamptz')
    .addColumn('ended_reason', 'text', (c) => c.check(sql`ended_reason is null or ended_reason in ('checkout', 'moved', 'closing')`))
    .addColumn('device_id', 'uuid', (c) => c.references('devices.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('visits_someone', sql`member_id is not null or guests > 0`)
    .addCheckConstraint('visits_end_after_start', sql`checked_out_at is null or checked_out_at >= checked_in_at`)
    .execute();
  // One open visit per member: checking in elsewhere ends the earlier one first.
  await sql`create unique index visits_one_open_per_member on visits (member_id) where checked_out_at is null and member_id is not null`.execute(db);
  await sql`create index visits_open_by_venue on visits (venue_id, room_id) where checked_out_at is null`.execute(db);
  await sql`create index visits_venue_time_idx on visits (venue_id, checked_in_at)`.execute(db);

  await db.schema
    .createTable('checkin_keys')
    .addColumn('idempotency_key', 'uuid', (c) => c.primaryKey())
    .addColumn('visit_id', 'uuid', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('checkin_keys').execute();
  await db.schema.dropTable('visits').execute();
  await db.schema.dropTable('members').execute();
}
