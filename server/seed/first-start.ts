/**
 * What happens once per database: the first admin (docs/api.md: ADMIN_PASSWORD, else a random password
 * printed once) and, for `npm start`, the demo site. Done in one write under an advisory lock, so
 * several processes starting together on a new database do it exactly once. Then, only in the process that
 * did it, a few months of demo history (visits, classes, tournaments) for the reports page: about a second
 * and a half on the embedded database (docs/guide-reports.md).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { countUsers, insertUserIfAbsent } from '../modules/users/queries.ts';
import { write } from '../realtime/write.ts';
import { seedDemo, type DemoSummary } from './demo.ts';
import { DEMO_VENUES } from './demo-data.ts';
import { HISTORY_VENUES } from './history-plan.ts';
import { HistoryRefused, seedHistory, type HistorySummary } from './history.ts';
import { isInitialised, lockFirstStart, markInitialised } from './queries.ts';

const FIRST_START_LOCK = 7_202_611_292;
export const ADMIN_USERNAME = 'admin';

export interface FirstStart {
  /** True only for the start that initialised this database. */
  initialised: boolean;
  /** The generated admin password (null when ADMIN_PASSWORD was given or this is not the first start). */
  generatedAdminPassword: string | null;
  demo: DemoSummary | null;
  /** The demo's months of invented activity (null without the demo, or with DEMO_HISTORY=0). */
  history?: HistorySummary | null;
}

/** The demo history: the last three months (and this one so far) of the demo's centres, at a small city's scale. */
export const DEMO_HISTORY = { months: 3, scale: 0.2, attendanceScale: 0.75, codePrefix: 'QJ2025' } as const;

export async function initialiseOnFirstStart(
  db: Kysely<DB>,
  options: { adminPassword: string | null; seedDemo: boolean; demoHistory?: boolean; timezone: string; now?: Date },
): Promise<FirstStart> {
  const first = await initialise(db, options);
  if (!first.initialised || !first.demo || first.demo.venues === 0 || options.demoHistory === false) return first;
  // After the commit: it writes in its own transaction, and refuses a database that already has activity (a
  // second process already serving could in theory have taken a check-in): then the demo goes without it.
  const history = await seedHistory(db, {
    years: 1,
    months: DEMO_HISTORY.months,
    scale: DEMO_HISTORY.scale,
    attendanceScale: DEMO_HISTORY.attendanceScale,
    codePrefix: DEMO_HISTORY.codePrefix,
    append: false,
    seed: 8,
    timezone: options.timezone,
    venues: HISTORY_VENUES.slice(0, DEMO_VENUES.length),
    ...(options.now ? { now: options.now } : {}),
  }).catch((error: unknown) => {
    if (error instanceof HistoryRefused) return null;
    throw error;
  });
  return { ...first, history };
}

function initialise(db: Kysely<DB>, options: { adminPassword: string | null; seedDemo: boolean; timezone: string }): Promise<FirstStart> {
  return write(db, async ({ trx }) => {
    await lockFirstStart(trx, FIRST_START_LOCK);
    if (await isInitialised(trx)) return { initialised: false, generatedAdminPassword: null, demo: null };

    let generatedAdminPassword: string | null = null;
    let adminId: string | null = null;
    if ((await countUsers(trx)) === 0) {
      const password = options.adminPassword ?? randomBytes(9).toString('base64url');
      if (!options.adminPassword) generatedAdminPassword = password;
      const admin = await insertUserIfAbsent(trx, { username: ADMIN_USERNAME, passwordHash: await hashPassword(password), role: 'admin' });
      adminId = admin?.id ?? null;
    }
    const demo = options.seedDemo ? await seedDemo(trx, options.timezone, adminId) : null;
    await markInitialised(trx, new Date());
    return { initialised: true, generatedAdminPassword, demo };
  });
}
