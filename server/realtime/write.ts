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
import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, Transaction, UnknownRow } from 'kysely';
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

/**
 * A write that is ONE statement recording its own events in the database (a function such as
 * `checkin_record`, which appends to the outbox itself). PostgreSQL runs a lone statement atomically, so it
 * needs no BEGIN and COMMIT: two round trips fewer, on the busiest write there is (a check-in; the difference
 * is in docs/performance.md). There is nothing to `emit` or `audit` from TypeScript, and a second statement
 * is refused before it is sent, so the guarantee of `write` holds the same way.
 */
export interface StatementWrite {
  /** Runs exactly one statement; a second one throws. */
  readonly statement: Kysely<DB>;
}

export interface WriteOptions {
  oneStatement: true;
}

/** Counts the statements of a one-statement write and refuses the second before it reaches the database. */
class OneStatement implements KyselyPlugin {
  private sent = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.sent += 1;
    if (this.sent > 1) throw new Error('a one-statement write ran a second statement; use write(db, work) for a transaction');
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function write<T>(db: Kysely<DB>, work: (w: Write) => Promise<T>): Promise<T>;
export function write<T>(db: Kysely<DB>, options: WriteOptions, work: (w: StatementWrite) => Promise<T>): Promise<T>;
export function write<T>(db: Kysely<DB>, ...args: [(w: Write) => Promise<T>] | [WriteOptions, (w: StatementWrite) => Promise<T>]): Promise<T> {
  if (args.length === 2) return args[1]({ statement: db.withPlugin(new OneStatement()) });
  const [work] = args;
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
