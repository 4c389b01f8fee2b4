/**
 * One Kysely instance over either driver, with the same types from both:
 * - `postgres`: node-postgres Pool for queries plus one dedicated client for LISTEN (notifier.ts);
 * - `pglite`: the embedded PostgreSQL (WASM) in DATA_DIR, with btree_gist for the exclusion constraints.
 * Everything above this file is identical for both.
 */
import { mkdirSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { DB } from './schema.ts';
import { sharedParsers } from './type-parsers.ts';
import { listenPglite, PgListener, type Listener, type ListenHandlers } from './notifier.ts';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir `memory://` keeps it in memory (tests); loadDataDir starts from a dump (a migrated template). */
  | { kind: 'pglite'; dataDir: string; loadDataDir?: Blob };

export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly db: Kysely<DB>;
  /** Subscribe to a NOTIFY channel; onConnected runs after every (re)connection so callers can catch up. */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
  /** Resolves when the database answers a trivial query, rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, for dumping a template in tests; null on a server. */
  readonly pglite: PGlite | null;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = sharedParsers[oid];
    if (parser && (format ?? 'text') === 'text') return parser;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPglite(target);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'centre-ops',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A client that is checked out (mid-query or mid-transaction) has no pool listener, and node-postgres emits
  // 'error' on it when its connection breaks (reset, backend terminated, PostgreSQL restarting). Unheard,
  // that event is an uncaught exception that kills the whole process. The query in flight rejects anyway
  // (the request answers 503) and the pool discards the broken client on release, so listening is enough.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const listeners = new Set<PgListener>();
  const database: Database = {
    kind: 'postgres',
    db,
    pglite: null,
    async listen(channel, handlers) {
      const listener = new PgListener(url, channel, handlers, pgTypes);
      listeners.add(listener);
      await listener.start();
      return {
        close: async () => {
          listeners.delete(listener);
          await listener.close();
        },
      };
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await Promise.all([...listeners].map((l) => l.close()));
      await db.destroy();
    },
  };
  await database.ping();
  return database;
}

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  if (!target.dataDir.startsWith('memory://')) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir,
    extensions: { btree_gist },
    parsers: sharedParsers,
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins: [new CamelCasePlugin()] });
  return {
    kind: 'pglite',
    db,
    pglite,
    listen: (channel, handlers) => listenPglite(pglite, channel, handlers),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
