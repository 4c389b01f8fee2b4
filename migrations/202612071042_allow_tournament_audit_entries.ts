/**
 * The audit log records changes to a whole tournament: a draw by lot recorded for tied players, a
 * start undone. Their entries are about the tournament, so `entity_kind` accepts 'tournament'.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device','tournament'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from audit_log where entity_kind = 'tournament'`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device'))`.execute(db);
}
