/**
 * The audit log (docs/security.md "Audit log and privacy"): who changed what and when, for bookings, members,
 * match results, users and devices.
 * Services write an entry inside the transaction of the change itself (server/modules/audit/record.ts), so a
 * rolled-back change leaves none and a committed one always has one. No foreign keys: an entry outlives what
 * it is about, and a venue or user id is kept as it was. Secrets (password hashes, tokens, pairing codes)
 * are never written here.
 * Frozen in time: later changes come as new migrations, never edits here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('user','device','system')`))
    .addColumn('actor_id', 'uuid')
    // The actor's name when the entry was written: a later rename or removal does not rewrite history.
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z_]+\\.[a-z_]+$'`))
    .addColumn('entity_kind', 'text', (c) => c.notNull().check(sql`entity_kind in ('booking','member','match','user','device')`))
    .addColumn('entity_id', 'uuid')
    // What the entity was called then (a booking's title, a username); null once a removed member is erased.
    .addColumn('entity_label', 'text')
    .addColumn('venue_id', 'uuid')
    // {field: {from, to}} for the changed fields only.
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Context that is not a field change: scope of a series edit, the bookings touched, an import's line.
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  // Newest first (keyset by id), overall and filtered; `at` for date ranges.
  await sql`create index audit_log_at_idx on audit_log (at desc, id desc)`.execute(db);
  await sql`create index audit_log_venue_idx on audit_log (venue_id, id desc) where venue_id is not null`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity_kind, entity_id, id desc)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_id, id desc) where actor_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
