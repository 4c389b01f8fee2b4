/**
 * Scratch databases for the benchmarks: PGlite in memory, and (when a server URL is given) PostgreSQL
 * databases named `centre_ops_bench_<pid>_<n>`, each migrated, each dropped again by `drop()`.
 * `dropAll()` removes whatever this process created, for the end of the run and for Ctrl-C.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export type BenchStorage = 'pglite' | 'postgres';

export const storageLabel: Record<BenchStorage, string> = { pglite: 'PGlite (in memory)', postgres: 'PostgreSQL' };

/** The server to benchmark against, or null: BENCH_DATABASE_URL, else TEST_DATABASE_URL. */
export function postgresAdminUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.BENCH_DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim();
  return url ? url : null;
}

export interface ScratchDatabase {
  database: Database;
  /** The scratch database's own URL (PostgreSQL), for a second connection set; null on PGlite. */
  url: string | null;
  /** Close (if still open) and, on PostgreSQL, drop the database. */
  drop(): Promise<void>;
}

const created = new Set<string>();
let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'centre-ops-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh migrated database. `poolSize` applies to PostgreSQL (the pool of node-postgres clients). */
export async function createScratchDatabase(storage: BenchStorage, adminUrl: string | null, poolSize?: number): Promise<ScratchDatabase> {
  if (storage === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrateToLatest(database.db);
    let open = true;
    const close = async () => {
      if (open) await database.close().catch(() => {});
      open = false;
    };
    return { database, url: null, drop: close };
  }
  if (!adminUrl) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL or TEST_DATABASE_URL');
  counter += 1;
  const name = `centre_ops_bench_${process.pid}_${counter}`;
  await asAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  created.add(name);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ kind: 'postgres', url, ...(poolSize ? { poolSize } : {}) });
  await migrateToLatest(database.db);
  let open = true;
  return {
    database,
    url,
    async drop() {
      if (open) await database.close().catch(() => {});
      open = false;
      await dropDatabase(adminUrl, name);
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!created.has(name)) return;
  await asAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
  created.delete(name);
}

/** Drop every scratch database this process created and has not dropped yet. */
export async function dropAll(adminUrl: string | null): Promise<void> {
  if (!adminUrl) return;
  for (const name of [...created]) await dropDatabase(adminUrl, name);
}
