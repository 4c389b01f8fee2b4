/**
 * Sessions that lapse when unused, and attempt limits that every server process shares (docs/security.md
 * "Sessions", "Abuse limits").
 *
 * `sessions.last_used_at`: a session unused for longer than the idle limit (server/modules/auth/expiry.ts)
 * no longer signs anyone in, on top of the absolute expiry it always had. It is written at most every few
 * minutes per session, not on every request.
 *
 * `rate_limits`: fixed-window counters for sign-in and pairing attempts, kept in the database so that the
 * limit holds for the whole site however many processes share it (a per-process counter would give an
 * attacker N times the guesses behind a load balancer). One upsert per attempt; stale windows are swept.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions add column last_used_at timestamptz not null default now()`.execute(db);
  await sql`
    create table rate_limits (
      key text primary key,
      window_start timestamptz not null,
      count integer not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rate_limits`.execute(db);
  await sql`alter table sessions drop column last_used_at`.execute(db);
}
