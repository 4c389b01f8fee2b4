/**
 * `npm run seed`: load the demo site into the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR) on demand, e.g. after clearing it. Venues that already exist by name are left alone.
 * `npm run seed -- --years 10` adds ten years of invented activity of a whole city (history.ts).
 * Stop the server first when using the embedded database (it belongs to one process at a time).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { write } from '../realtime/write.ts';
import { databaseTarget, explainDatabaseError } from '../start.ts';
import { seedDemo } from './demo.ts';
import { initialiseOnFirstStart } from './first-start.ts';
import { seedHistory } from './history.ts';

const USAGE = `Usage: npm run seed -- [options]
  (no options)          the demo site: three centres, rooms, a term of classes, members, a coordinator
  --years N             also N years (1-30) of invented activity of the whole city, ending last Sunday
  --scale F             size of that city: 1 = docs/domain.md's figures (about 120,000 visits a year), 0.01 a tiny one
  --append              add history even when the database already has visits or matches
  --seed N              another seed for the randomness (default 8; runs are alike, not identical)
  --database-url URL    a PostgreSQL server instead of DATABASE_URL
  --data-dir DIR        the embedded database's folder instead of DATA_DIR (ignored with a server)
`;

function options() {
  const { values } = parseArgs({
    options: {
      years: { type: 'string' },
      scale: { type: 'string', default: '1' },
      append: { type: 'boolean', default: false },
      seed: { type: 'string', default: '8' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const years = values.years === undefined ? null : Number(values.years);
  if (years !== null && (!Number.isInteger(years) || years < 1 || years > 30)) throw new ConfigError('--years must be a whole number from 1 to 30');
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new ConfigError('--scale must be a number above 0 and at most 10');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new ConfigError('--seed must be a whole number');
  return { years, scale, seed, append: values.append, databaseUrl: values['database-url'], dataDir: values['data-dir'], help: values.help };
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig({
    ...process.env,
    ...(opts.databaseUrl !== undefined ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.dataDir !== undefined ? { DATA_DIR: opts.dataDir } : {}),
  });
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase(databaseTarget(config)).catch((error: unknown) => {
      throw new ConfigError(explainDatabaseError(error, config));
    });
    try {
      await migrateToLatest(database.db);
      // On a new database this is the first start's work (admin included); otherwise only the demo site.
      // The demo's few months of history only when no history was asked for (that one would refuse to mix with it).
      const first = await initialiseOnFirstStart(database.db, {
        adminPassword: config.adminPassword,
        seedDemo: true,
        demoHistory: opts.years === null && config.demoHistory,
        timezone: config.defaultTimezone,
      });
      if (first.generatedAdminPassword) process.stdout.write(`Created user "admin" with password: ${first.generatedAdminPassword}\n`);
      const summary = first.demo ?? (await write(database.db, ({ trx }) => seedDemo(trx, config.defaultTimezone, null)));
      if (summary.venues === 0) {
        process.stdout.write('The demo venues are there already; nothing was added.\n');
      } else {
        process.stdout.write(`Added ${summary.venues} venues, ${summary.rooms} rooms, ${summary.bookings} bookings, ${summary.members} members and a term open for applications (${summary.applications} applications).\n`);
        if (summary.coordinator) process.stdout.write(`Demo coordinator: ${summary.coordinator.username} / ${summary.coordinator.password}\n`);
        for (const p of summary.pairingCodes) process.stdout.write(`Pairing code for the demo ${p.kind} (valid 10 minutes): ${p.code}\n`);
      }
      if (opts.years !== null) {
        process.stdout.write(`Generating ${opts.years} years of activity at scale ${opts.scale} (${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})…\n`);
        const history = await seedHistory(database.db, {
          years: opts.years,
          scale: opts.scale,
          append: opts.append,
          seed: opts.seed,
          timezone: config.defaultTimezone,
          log: (line) => process.stdout.write(`  ${line}\n`),
        });
        process.stdout.write(
          `History ${history.from} to ${history.to}: ${history.venues} centres, ${history.members} members, ${history.bookings} bookings, ` +
            `${history.visits} visits, ${history.tournaments} tournaments, ${history.matches} matches in ${history.seconds.toFixed(1)} s.\n`,
        );
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
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(USAGE);
    process.exit(1);
  },
);
