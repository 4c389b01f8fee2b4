/**
 * `npm run seed`: load the demo site into the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR) on demand, e.g. after clearing it. Venues that already exist by name are left alone.
 * Stop the server first when using the embedded database (it belongs to one process at a time).
 */
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseTarget, explainDatabaseError } from '../start.ts';
import { seedDemo } from './demo.ts';
import { initialiseOnFirstStart } from './first-start.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase(databaseTarget(config)).catch((error: unknown) => {
      throw new ConfigError(explainDatabaseError(error, config));
    });
    try {
      await migrateToLatest(database.db);
      // On a new database this is the first start's work (admin included); otherwise only the demo site.
      const first = await initialiseOnFirstStart(database.db, { adminPassword: config.adminPassword, seedDemo: true, timezone: config.defaultTimezone });
      if (first.generatedAdminPassword) process.stdout.write(`Created user "admin" with password: ${first.generatedAdminPassword}\n`);
      const summary = first.demo ?? (await database.db.transaction().execute((trx) => seedDemo(trx, config.defaultTimezone, null)));
      if (summary.venues === 0) {
        process.stdout.write('The demo venues are there already; nothing was added.\n');
      } else {
        process.stdout.write(`Added ${summary.venues} venues, ${summary.rooms} rooms, ${summary.bookings} bookings and ${summary.members} members.\n`);
        if (summary.coordinator) process.stdout.write(`Demo coordinator: ${summary.coordinator.username} / ${summary.coordinator.password}\n`);
        for (const p of summary.pairingCodes) process.stdout.write(`Pairing code for the demo ${p.kind} (valid 10 minutes): ${p.code}\n`);
      }
      return 0;
    } finally {
      await database.close();
    }
  } finally {
    unlock();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`centre-ops seed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
