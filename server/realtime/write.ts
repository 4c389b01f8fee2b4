/**
 * The one way the centre's data is changed. Every change — a booking, a check-in, a password reset, the demo
 * site — runs in `write(db, work)`: one transaction in which `work` changes its rows and, when it has any,
 * records its live events (`emit`, `emitLate`) and its audit entries (`audit`). So "a change is committed with
 * its events and its audit entry, or not at all" holds by construction, and `write(` finds every writer.
 * Outside it are only lone bookkeeping statements of the request path, which have no events or audit and are
 * atomic by themselves: a session's, device's or calendar link's last-seen time and the attempt counters of
 * the rate limits (each in its queries file).
 *
 * Events are appended as the last statement before COMMIT (outbox.ts explains their numbering); audit
 * entries are inserted where `audit` is called, in the same transaction. A write that throws rolls back
 * and notifies nobody.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordAudit, type AuditActor, type AuditEntryInput } from '../modules/audit/record.ts';
import type { Principal } from '../modules/auth/principal.ts';
import { appendEvents, type LateEvent, type OutboxEvent, type OutboxEventType } from './outbox.ts';

export type { LateEvent, OutboxEvent, OutboxEventType };

export interface Write {
  /** The write's transaction: every query of the change runs on it. */
  readonly trx: Transaction<DB>;
  /** Record a live event; it is sent only if, and when, this write commits. */
  emit<T extends OutboxEventType>(event: OutboxEvent<T>): void;
  /** Record an event whose data is computed when it is numbered (a venue's headcount). */
  emitLate(event: LateEvent): void;
  /** Insert audit entries now, in this write's transaction. */
  audit(principal: Principal | AuditActor | null, ...entries: AuditEntryInput[]): Promise<void>;
}

export function write<T>(db: Kysely<DB>, work: (w: Write) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const events: OutboxEvent[] = [];
    const late: LateEvent[] = [];
    const result = await work({
      trx,
      emit: (event) => void events.push(event as OutboxEvent),
      emitLate: (event) => void late.push(event),
      audit: (principal, ...entries) => recordAudit(trx, principal, ...entries),
    });
    await appendEvents(trx, events, late);
    return result;
  });
}
