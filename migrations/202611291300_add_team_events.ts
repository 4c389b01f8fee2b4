/**
 * Table tennis team events: a match is up to five individual matches (rubbers), won at three, and the
 * standings compare the ratio of rubbers after match points (ITTF 3.7.5).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournaments').addColumn('team', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await sql`alter table tournaments add constraint tournaments_team_is_table_tennis check (not team or sport = 'table_tennis')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tournaments').dropColumn('team').execute();
}
