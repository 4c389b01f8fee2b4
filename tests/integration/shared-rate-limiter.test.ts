/**
 * The database-backed attempt counter (server/http/shared-rate-limiter.ts) on its own: counting and answering
 * is one atomic statement, so of a burst of parallel attempts exactly `limit` are allowed, from one
 * connection pool or two; a refund gives back one attempt of its own window only.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/connect.ts';
import { SharedRateLimiter } from '../../server/http/shared-rate-limiter.ts';
import { createTestDatabase, openAnother, storageAvailable } from '../support/database.ts';

describe.runIf(storageAvailable)('shared rate limiter', () => {
  let database: Database;
  /** A second connection set to the same database on PostgreSQL (another process's pool); the same one on PGlite. */
  let second: Database;

  beforeAll(async () => {
    const created = await createTestDatabase();
    database = created.database;
    second = created.url ? await openAnother(created.url) : database;
  });
  afterAll(async () => {
    if (second !== database) await second?.close();
    await database?.close();
  });

  it('allows exactly `limit` of 50 parallel attempts, counting each once, over two pools', async () => {
    const one = new SharedRateLimiter(database.db, 'test-burst', 10, 60_000);
    const two = new SharedRateLimiter(second.db, 'test-burst', 10, 60_000);
    const attempts = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? one : two).attempt('k')));
    expect(attempts.filter((a) => a.wait === 0)).toHaveLength(10);
    expect(attempts.map((a) => a.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const refused of attempts.filter((a) => a.wait > 0)) expect(refused.wait).toBeLessThanOrEqual(60);
    expect((await one.state('k'))?.count).toBe(50);
    expect(await one.state('other')).toBeNull();
  });

  it('gives one attempt back on refund, in the window it was counted in only', async () => {
    const limiter = new SharedRateLimiter(database.db, 'test-refund', 2, 60_000);
    const first = await limiter.attempt('k');
    await limiter.attempt('k');
    await limiter.refund('k', first);
    expect((await limiter.state('k'))?.count).toBe(1);
    // The window ends (moved into the past here): a new window starts, and the old attempt's refund leaves it alone.
    await sql`update rate_limits set window_start = now() - interval '2 minutes' where key = 'test-refund:k'`.execute(database.db);
    const fresh = await limiter.attempt('k');
    expect(fresh.count).toBe(1);
    expect(fresh.windowId).not.toBe(first.windowId);
    await limiter.refund('k', first);
    expect((await limiter.state('k'))?.count).toBe(1);
  });

  it('resets inside a transaction, undone with it', async () => {
    const limiter = new SharedRateLimiter(database.db, 'test-reset', 5, 60_000);
    await limiter.attempt('k');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await limiter.reset('k', trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await limiter.state('k'))?.count).toBe(1);
    await database.db.transaction().execute((trx) => limiter.reset('k', trx));
    expect(await limiter.state('k')).toBeNull();
  });
});
