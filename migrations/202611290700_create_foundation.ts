/**
 * Venues, rooms, people, devices, and the outbox that carries every live event.
 * Frozen in time: later changes come as new migrations, never edits here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venues')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull().defaultTo('08:00').check(sql`opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('closes_at', 'text', (c) => c.notNull().defaultTo('21:00').check(sql`closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index venues_name_key on venues (lower(name))`.execute(db);

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('gateball_court','table_tennis','classroom','hall','studio','exhibition','other')`),
    )
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index rooms_venue_name_key on rooms (venue_id, lower(name))`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','coordinator','referee')`))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_username_key on users (lower(username))`.execute(db);

  await db.schema
    .createTable('user_venues')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_venues_pkey', ['user_id', 'venue_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kiosk','display')`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('pairing_code_hash', 'text')
    .addColumn('pairing_expires_at', 'timestamptz')
    .addColumn('paired_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A pending code is unique among pending codes, so a code names one device.
  await sql`create unique index devices_pairing_code_key on devices (pairing_code_hash) where pairing_code_hash is not null`.execute(db);

  // The outbox: every live event, numbered. seq order is commit order (see server/realtime/outbox.ts).
  await db.schema
    .createTable('outbox')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('outbox_topic_seq_idx').on('outbox').columns(['topic', 'seq']).execute();
  await db.schema.createIndex('outbox_at_idx').on('outbox').column('at').execute();

  await db.schema
    .createTable('outbox_horizon')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('pruned_through', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into outbox_horizon (id, pruned_through) values (1, 0)`.execute(db);

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['app_meta', 'outbox_horizon', 'outbox', 'devices', 'sessions', 'user_venues', 'users', 'rooms', 'venues']) {
    await db.schema.dropTable(table).execute();
  }
}
