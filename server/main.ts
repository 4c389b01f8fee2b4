/**
 * `npm start`: read the configuration, start, print where the apps are, and close cleanly on Ctrl-C/SIGTERM
 * (sockets, then the dispatcher, then the database), so the next start keeps every row.
 * Any start-up failure is one line on stderr and exit code 1: no stack trace for a configuration mistake.
 */
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { startServer, StartError, type Started } from './start.ts';
import { ADMIN_USERNAME } from './seed/first-start.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

function banner(config: Config, started: Started): string {
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? ['localhost', ...lanAddresses()] : [config.host];
  const base = (host: string) => `http://${host}:${config.port}`;
  const lines = [
    '',
    `  centre-ops is running on ${config.databaseUrl ? 'PostgreSQL' : `the embedded database (${config.dataDir})`}`,
    '',
    ...hosts.flatMap((h) => [`  协调员 Coordinators  ${base(h)}/`, `  签到机 Kiosk         ${base(h)}/kiosk/`, `  显示屏 Displays      ${base(h)}/display/`, '']),
  ];
  const { firstStart } = started;
  if (firstStart.generatedAdminPassword) {
    lines.push(`  Sign in as "${ADMIN_USERNAME}" with password: ${firstStart.generatedAdminPassword}`, '  (shown once; change it after signing in)', '');
  } else if (firstStart.initialised) {
    lines.push(`  Sign in as "${ADMIN_USERNAME}" with the password in ADMIN_PASSWORD.`, '');
  } else {
    lines.push(`  Sign in as "${ADMIN_USERNAME}" (its password was printed on the first start).`, '');
  }
  const demo = firstStart.demo;
  if (demo && demo.venues > 0) {
    lines.push(`  Demo data: ${demo.venues} venues, ${demo.rooms} rooms, ${demo.bookings} bookings, ${demo.members} members, a senior-university term open for applications (${demo.applications} applications so far).`);
    if (demo.sampleCards.length > 0) lines.push(`  Demo member cards: ${demo.sampleCards.join(', ')} … (scan or type one at the kiosk; print others from the members page).`);
    const h = firstStart.history;
    if (h) lines.push(`  Demo history for the reports: ${h.from} to ${h.to}, ${h.visits} visits, ${h.tournaments} tournaments (DEMO_HISTORY=0 for none).`);
    if (demo.coordinator) lines.push(`  Demo coordinator: ${demo.coordinator.username} / ${demo.coordinator.password}`);
    for (const p of demo.pairingCodes) lines.push(`  Pairing code for the demo ${p.kind} (${p.venue}, valid 10 minutes): ${p.code}`);
    lines.push('');
  }
  if (!config.databaseUrl) {
    lines.push('  The embedded database suits trying centre-ops and one small site; use DATABASE_URL for production.', '');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    const started = await startServer(config);
    process.stdout.write(`${banner(config, started)}\n`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      started.app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        started.app.log.error('shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      started.app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          started.app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartError) {
      process.stderr.write(`centre-ops: cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
