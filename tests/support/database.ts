/**
 * A fresh, migrated database for one test file, on the storage of the running project
 * (`pglite` or `postgres`). See global-setup.ts for the templates.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/connect.ts';

export type Storage = 'pglite' | 'postgres';

export const storage: Storage = process.env.TEST_STORAGE === 'postgres' ? 'postgres' : 'pglite';

/** False only for the PostgreSQL project without TEST_DATABASE_URL (and without REQUIRE_PG). */
export const storageAvailable: boolean = storage === 'pglite' || inject('pgTemplate') !== null;

let counter = 0;

export interface TestDatabase {
  database: Database;
  /** The connection string of this file's database (PostgreSQL only): for a second process on it. */
  url: string | null;
}

/** Opens another connection set to the same PostgreSQL database (a second "process" in one test). */
export async function openAnother(url: string): Promise<Database> {
  return openDatabase({ kind: 'postgres', url });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (storage === 'pglite') {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('the PGlite template was not prepared');
    const blob = new Blob([readFileSync(template)]);
    return { database: await openDatabase({ kind: 'pglite', dataDir: 'memory://', loadDataDir: blob }), url: null };
  }
  const config = inject('pgTemplate');
  if (!config) throw new Error('TEST_DATABASE_URL is not set');
  counter += 1;
  const name = `${config.prefix}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: config.adminUrl });
  await admin.connect();
  try {
    // Another worker copying the template at the same instant makes PostgreSQL refuse; try again.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`create database ${name} template ${config.template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(config.adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return { database: await openDatabase({ kind: 'postgres', url }), url };
}

/** An empty PostgreSQL database (not migrated), for tests of start-up itself. */
export async function createEmptyPostgresDatabase(): Promise<string> {
  const config = inject('pgTemplate');
  if (!config) throw new Error('TEST_DATABASE_URL is not set');
  counter += 1;
  const name = `${config.prefix}_${process.pid}_empty_${counter}`;
  const admin = new pg.Client({ connectionString: config.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(config.adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
