/**
 * A fingerprint of every row of every table (`{table: md5}`), to prove that a refused request changed nothing
 * (the authorization matrix and fuzz tests). Everything is checked, the audit log included, except what may
 * change when nothing was asked to change:
 * - `devices.last_seen_at`, `sessions.last_used_at`, `member_sessions.last_seen_at`: authenticating a request
 *   records when a device, a staff session or a member session was last used (at most every minute or five,
 *   http/authenticate.ts), whatever the request does.
 * - `rate_limits`, the whole table: counting sign-in, password and pairing attempts, refused ones included,
 *   is its purpose (http/shared-rate-limiter.ts).
 * - `report_months`, `report_member_months`: the reports' roll-up of past months' visits, filled by the first
 *   report that needs a month; a cache derived from `visits`, which stays checked.
 * - the outbox's rows: the dispatcher numbers them, fills in headcounts and drops superseded ones on its own,
 *   after earlier commits. Only its highest id is compared, which nothing but a new event raises.
 * - `term_seat_changes`, the whole table: a queue of marks that the seat board's timer takes (deletes) on its
 *   own (enrolment/seat-board.ts). A mark is written only in the same transaction as the change of seats or
 *   applications it announces, and those tables (`placements`, `term_classes`, `enrolment_applications`) stay
 *   checked.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

const VOLATILE_COLUMNS: Readonly<Record<string, readonly string[]>> = { devices: ['last_seen_at'], sessions: ['last_used_at'], member_sessions: ['last_seen_at'] };
const VOLATILE_TABLES: readonly string[] = ['rate_limits', 'report_months', 'report_member_months', 'outbox', 'outbox_horizon', 'term_seat_changes'];

const queries = new WeakMap<Kysely<DB>, ReturnType<typeof sql.raw<{ fingerprint: Record<string, string> | string }>>>();

async function fingerprintQuery(db: Kysely<DB>) {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const names = tables.rows.map((r) => r.name).filter((name) => !VOLATILE_TABLES.includes(name));
  if (names.length < 10) throw new Error(`fingerprint: only ${names.length} tables found`);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const parts = names.map((name) => {
    const volatile = VOLATILE_COLUMNS[name] ?? [];
    const row = volatile.length > 0 ? `(to_jsonb(t) - array[${volatile.map((c) => `'${c}'`).join(', ')}]::text[])::text` : 't::text';
    return `'${name}', (select md5(coalesce(string_agg(x, '|' order by x), '')) from (select ${row} as x from ${quote(name)} t) s)`;
  });
  parts.push(`'outbox (highest id)', (select coalesce(max(id), 0)::text from outbox)`);
  return sql.raw<{ fingerprint: Record<string, string> | string }>(`select json_build_object(${parts.join(', ')}) as fingerprint`);
}

export async function databaseFingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  let query = queries.get(db);
  if (!query) {
    query = await fingerprintQuery(db);
    queries.set(db, query);
  }
  const value = (await query.execute(db)).rows[0]!.fingerprint;
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, string>) : value;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
