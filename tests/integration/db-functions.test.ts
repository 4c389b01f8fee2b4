/**
 * The database functions are the files of server/db/functions/ (server/db/functions.ts), on both storages:
 * after the migrations the database holds every file's function with exactly that file's body, one of each
 * name, and no other function of ours in `public` (an extension's, like btree_gist's, is not ours).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/connect.ts';
import { applyFunctions, databaseFunctions } from '../../server/db/functions.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';

interface StoredFunction {
  name: string;
  body: string;
}

/** Every function in `public` that no extension owns, with its source. */
async function storedFunctions(database: Database): Promise<StoredFunction[]> {
  const result = await sql<StoredFunction>`
    select p.proname as name, p.prosrc as body
      from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by p.proname`.execute(database.db);
  return result.rows;
}

describe.runIf(storageAvailable)('database functions', () => {
  let database: Database;
  beforeAll(async () => {
    database = (await createTestDatabase()).database;
  });
  afterAll(async () => database?.close());

  const expectExactlyTheFiles = async () => {
    const files = databaseFunctions();
    const stored = await storedFunctions(database);
    expect(stored.map((f) => f.name)).toEqual(files.map((f) => f.name).sort());
    for (const file of files) {
      const [held] = stored.filter((f) => f.name === file.name);
      expect(held?.body, `${file.name}: the database's text differs from server/db/functions/${file.name}.sql`).toBe(file.body);
    }
  };

  it('holds exactly the functions of server/db/functions/, each with its file’s text', async () => {
    expect(databaseFunctions().length).toBeGreaterThanOrEqual(14);
    await expectExactlyTheFiles();
  });

  it('writes TypeScript’s values into the text, leaving no placeholder', async () => {
    for (const fn of await storedFunctions(database)) expect(fn.body, fn.name).not.toMatch(/\$\{/);
    const [outbox] = (await storedFunctions(database)).filter((f) => f.name === 'outbox_append');
    expect(outbox?.body).toContain("pg_notify('centre_ops_outbox', '')");
  });

  it('replaces a function that drifted from its file at the next start, and changes nothing else', async () => {
    await sql`create or replace function iso_utc(t timestamptz) returns text language plpgsql stable as $$ begin return 'drifted'; end $$`.execute(database.db);
    await migrateToLatest(database.db);
    await expectExactlyTheFiles();
    // Applying again is harmless.
    await applyFunctions(database.db);
    await expectExactlyTheFiles();
  });
});
