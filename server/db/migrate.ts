/**
 * Runs the migrations in migrations/ at start, then applies the database functions (functions.ts: their
 * current text, replaced on every start like Flyway's repeatable migrations). Several processes may start at
 * once against one server: a session-level advisory lock on one connection makes them take turns (the first
 * migrates, the others find nothing left to do). Kysely's own migration lock covers only the migration
 * transaction, not the creation of its bookkeeping tables nor the functions, hence this outer lock.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider, type MigrationResult } from 'kysely/migration';
import { migrations } from '../../migrations/index.ts';
import { applyFunctions } from './functions.ts';
import type { DB } from './schema.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };
/** Arbitrary constant key shared by every centre-ops process. */
const MIGRATION_LOCK_KEY = 7_202_611_290;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResult[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      const migrator = new Migrator({
        db: connection,
        provider,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // After the migrations: a migration that drops a function's old signature runs before its file makes the new one.
      await applyFunctions(connection).catch((error: unknown) => {
        throw new MigrationError(error instanceof Error ? error.message : String(error));
      });
      return results ?? [];
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
