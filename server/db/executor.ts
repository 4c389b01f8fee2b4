import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * What a query runs on: the database itself, or the transaction of a write (server/realtime/write.ts).
 * Query functions take an `Executor` so one function serves a plain read and a read inside a write.
 */
export type Executor = Kysely<DB> | Transaction<DB>;
