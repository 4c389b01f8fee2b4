/**
 * Calendar subscription links (docs/security.md "Calendar subscription links"): a random token per link,
 * stored only as its sha256, owned by the user who made it, for one venue or one room. Before this a link's key
 * was an HMAC of the feed's name under one site-wide secret: it could not be revoked, outlived its maker and was
 * the same for everyone. Those keys stop working (their secret is dropped below); people make a new link.
 *
 * The audit log learns the entity 'calendar_link' (made and revoked links are audited).
 * Frozen in time: later changes come as new migrations, never edits here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // A link dies with its owner's account row (users are disabled, not deleted, so this is a backstop).
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('cascade'))
    // Null: the whole venue's feed; else the room's feed (the room is in venue_id).
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().check(sql`char_length(label) between 1 and 80`))
    // sha256 (hex) of the token; the token itself is shown once and never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  // "My links" and the admins' list: live links by owner, newest first.
  await sql`create index calendar_links_user_idx on calendar_links (user_id, created_at desc) where revoked_at is null`.execute(db);

  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device','tournament','calendar_link'))`.execute(db);

  // The old HMAC keys' secret: without it no old key can be checked, or forged from a copy of the database.
  await sql`delete from app_meta where key = 'calendar_feed_secret'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from audit_log where entity_kind = 'calendar_link'`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device','tournament'))`.execute(db);
  await db.schema.dropTable('calendar_links').execute();
}
