/**
 * Members found by pinyin (docs/api.md "Members"): "zjg" or "zhangjianguo" finds 张建国 at the kiosk and on the
 * members page. The readings are computed in the application (server/modules/members/pinyin.ts: a maintained
 * pinyin dictionary, not something PostgreSQL has) and stored with the member; existing members are filled here.
 * No index: the name search already reads the (small) members table with `like '%…%'`, and these columns are
 * matched the same way, at the start of any reading.
 */
import { sql, type Kysely } from 'kysely';
import { namePinyin } from '../server/modules/members/pinyin.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').addColumn('name_pinyin', 'text').addColumn('name_initials', 'text').execute();
  const rows = (await db.selectFrom('members').select(['id', 'name']).execute()) as Array<{ id: string; name: string }>;
  // In chunks, one statement each: a decade's ledger is tens of thousands of members.
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000).map((r) => ({ id: r.id, ...namePinyin(r.name) }));
    await sql`
      update members m set name_pinyin = u.readings, name_initials = u.initials
        from unnest(${chunk.map((c) => c.id)}::uuid[], ${chunk.map((c) => c.namePinyin)}::text[], ${chunk.map((c) => c.nameInitials)}::text[])
             as u(id, readings, initials)
       where m.id = u.id`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('name_pinyin').dropColumn('name_initials').execute();
}
