/**
 * The database functions now live in server/db/functions/ (docs/architecture.md "Database functions"),
 * applied after the migrations on every start. `checkin_record` takes one more argument there, the events
 * TypeScript names for it (topics, event types, the late headcount), instead of building them itself; `create or
 * replace` cannot change an argument list, so the old signature is dropped here and its file creates the new one.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists checkin_record(uuid, uuid, text, uuid, int, uuid, uuid, uuid, uuid)`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to restore: the current functions are server/db/functions/, applied on every start.
}
