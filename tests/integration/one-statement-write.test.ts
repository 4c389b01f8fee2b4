/**
 * A one-statement write (server/realtime/write.ts `write(db, { oneStatement: true }, …)`) runs without
 * BEGIN/COMMIT, which is safe only because it is one statement: a second one must be refused before it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { write } from '../../server/realtime/write.ts';
import { storageAvailable } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('one-statement write', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const meta = async (key: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from app_meta where key = ${key}`.execute(t.database.db)).rows[0]!.n;

  it('runs its statement, committed on its own', async () => {
    const answer = await write(t.database.db, { oneStatement: true }, async ({ statement }) => {
      await sql`insert into app_meta (key, value) values ('one-statement-a', '1')`.execute(statement);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await meta('one-statement-a')).toBe(1);
  });

  it('refuses a second statement before the database sees it', async () => {
    await expect(
      write(t.database.db, { oneStatement: true }, async ({ statement }) => {
        await sql`select 1`.execute(statement);
        await sql`insert into app_meta (key, value) values ('one-statement-b', '1')`.execute(statement);
      }),
    ).rejects.toThrow(/second statement/);
    expect(await meta('one-statement-b')).toBe(0);
  });
});
