/**
 * Start-up in order: open the database, migrate it (under a lock, so several processes may start at once),
 * do the first-start work, build the app and listen. Each step's failure becomes a StartError with one
 * sentence for the operator.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database, type DatabaseTarget } from './db/connect.ts';
import { lockDataDir } from './db/data-dir-lock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { initialiseOnFirstStart, type FirstStart } from './seed/first-start.ts';

export class StartError extends Error {
  override name = 'StartError';
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}

/** "127.0.0.1:5999/centre" without the password, for messages. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export function explainDatabaseError(error: unknown, config: Config): string {
  const e = error as { code?: string; message?: string };
  const where = config.databaseUrl ? `the PostgreSQL server at ${describeUrl(config.databaseUrl)}` : `the embedded database in ${config.dataDir}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot reach ${where}: connection refused. Is it running? Check DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach ${where}: the host name does not resolve. Check DATABASE_URL.`;
    case 'ETIMEDOUT':
      return `cannot reach ${where}: the connection timed out. Check DATABASE_URL and the network.`;
    case '28P01':
    case '28000':
      return `${where} refused the user name or password in DATABASE_URL.`;
    case '3D000':
      return `${where} has no such database; create it first (createdb) or fix DATABASE_URL.`;
    default:
      return `cannot open ${where}: ${e.message ?? String(error)}`;
  }
}

export interface Started {
  app: FastifyInstance;
  firstStart: FirstStart;
}

export async function startServer(config: Config): Promise<Started> {
  let unlock = () => {};
  try {
    if (!config.databaseUrl) unlock = lockDataDir(config.dataDir);
  } catch (error) {
    throw new StartError(error instanceof Error ? error.message : String(error));
  }
  let database: Database;
  try {
    database = await openDatabase(databaseTarget(config));
  } catch (error) {
    unlock();
    throw new StartError(explainDatabaseError(error, config));
  }
  let app: FastifyInstance | null = null;
  try {
    await migrateToLatest(database.db);
    const firstStart = await initialiseOnFirstStart(database.db, {
      adminPassword: config.adminPassword,
      seedDemo: config.seedDemoOnFirstStart,
      demoHistory: config.demoHistory,
      timezone: config.defaultTimezone,
    });
    app = await buildApp(config, { database });
    app.addHook('onClose', async () => unlock());
    await app.listen({ port: config.port, host: config.host }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new StartError(`port ${config.port} is already in use; stop what uses it or set PORT to another.`);
      if (error.code === 'EACCES') throw new StartError(`not allowed to listen on port ${config.port}; use a port above 1024 (PORT).`);
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new StartError(`HOST ${config.host} is not an address of this machine.`);
      throw error;
    });
    return { app, firstStart };
  } catch (error) {
    if (app) await app.close().catch(() => {});
    else await database.close().catch(() => {});
    unlock();
    if (error instanceof StartError) throw error;
    throw new StartError(explainDatabaseError(error, config));
  }
}
