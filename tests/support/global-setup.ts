/**
 * Once per test run and storage: migrate a template database, so each test file starts from a fresh copy
 * in milliseconds instead of migrating again.
 * - PGlite: migrate in memory and dump the data folder to a tarball that every file loads.
 * - PostgreSQL (TEST_DATABASE_URL): migrate a template database; files CREATE DATABASE … TEMPLATE it.
 * With REQUIRE_PG=1 and no TEST_DATABASE_URL the run fails instead of skipping (CI sets it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    pgTemplate: { adminUrl: string; template: string; prefix: string } | null;
  }
}

export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = path.resolve('.test-data');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', null);
  return async () => {};
}

async function preparePostgres(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  project.provide('pgliteTemplate', null);
  if (!adminUrl) {
    if (process.env.REQUIRE_PG === '1') throw new Error('REQUIRE_PG=1 but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run.');
    project.provide('pgTemplate', null);
    return async () => {};
  }
  const prefix = `centre_ops_test_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await dropDatabases(admin, prefix);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(adminUrl, template) });
  await migrateToLatest(database.db);
  await database.close();
  project.provide('pgTemplate', { adminUrl, template, prefix });
  return async () => {
    await dropDatabases(admin, prefix);
    await admin.end();
  };
}

async function dropDatabases(admin: pg.Client, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
  for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return project.name === 'postgres' ? preparePostgres(project) : preparePglite(project);
}
