/**
 * What happens once per database: the first admin (CONTRACT.md: ADMIN_PASSWORD, else a random password
 * printed once) and, for `npm start`, the demo site. Done in one transaction under an advisory lock, so
 * several processes starting together on a new database do it exactly once.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { countUsers, insertUserIfAbsent } from '../modules/users/queries.ts';
import { seedDemo, type DemoSummary } from './demo.ts';

const FIRST_START_LOCK = 7_202_611_292;
export const ADMIN_USERNAME = 'admin';

export interface FirstStart {
  /** True only for the start that initialised this database. */
  initialised: boolean;
  /** The generated admin password (null when ADMIN_PASSWORD was given or this is not the first start). */
  generatedAdminPassword: string | null;
  demo: DemoSummary | null;
}

export async function initialiseOnFirstStart(
  db: Kysely<DB>,
  options: { adminPassword: string | null; seedDemo: boolean; timezone: string },
): Promise<FirstStart> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx);
    const done = await trx.selectFrom('appMeta').select('key').where('key', '=', 'initialised_at').executeTakeFirst();
    if (done) return { initialised: false, generatedAdminPassword: null, demo: null };

    let generatedAdminPassword: string | null = null;
    let adminId: string | null = null;
    if ((await countUsers(trx)) === 0) {
      const password = options.adminPassword ?? randomBytes(9).toString('base64url');
      if (!options.adminPassword) generatedAdminPassword = password;
      const admin = await insertUserIfAbsent(trx, { username: ADMIN_USERNAME, passwordHash: await hashPassword(password), role: 'admin' });
      adminId = admin?.id ?? null;
    }
    const demo = options.seedDemo ? await seedDemo(trx, options.timezone, adminId) : null;
    await trx.insertInto('appMeta').values({ key: 'initialised_at', value: JSON.stringify(new Date().toISOString()) }).execute();
    return { initialised: true, generatedAdminPassword, demo };
  });
}
