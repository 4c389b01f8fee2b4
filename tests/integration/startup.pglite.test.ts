/**
 * `npm start`'s server process on the embedded database: clear one-line failures for bad configuration,
 * a clean stop on SIGTERM, and a restart that keeps every row.
 *
 * Only what a real process shows starts one (each start takes seconds): main.ts turning a refusal into one line
 * on stderr and exit code 1, once for a configuration mistake and once for a start-up failure (a second process
 * on the same data folder), and the stop and restart. Each configuration error's sentence is checked by
 * server/config.test.ts, and an unreachable PostgreSQL server's by startServer here, in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startServer, StartError } from '../../server/start.ts';
import { httpSignIn, postJson, runMain, startServerProcess } from '../support/processes.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const oneLine = (stderr: string) => stderr.trim().split('\n');

/** What main.ts prints for any refusal: one line, its prefix, no stack trace, exit code 1. */
function expectOneLineRefusal(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(oneLine(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(/^centre-ops: cannot start: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

// Each case starts Node with tsx and migrates an embedded database: seconds on an idle machine, but a loaded
// 2-core machine running the other suites beside it has taken over 30 s, so these have room to be slow.
const PROCESS_TIMEOUT = 180_000;

describe('starting the server process', { timeout: PROCESS_TIMEOUT }, () => {
  it('refuses a configuration mistake with one clear line and exit code 1', async () => {
    const result = await runMain({ DATA_DIR: path.join(dataDir, 'unused'), PORT: 'eighty' }, PROCESS_TIMEOUT);
    expectOneLineRefusal(result, /PORT must be a whole number/);
  });

  it('says in one sentence that the PostgreSQL server cannot be reached', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dataDir, 'unused'), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/centre' });
    const failure = await startServer(config).then(
      async (started) => {
        await started.app.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartError);
    const message = (failure as StartError).message;
    expect(message).toMatch(/cannot reach the PostgreSQL server at 127\.0\.0\.1:1\/centre: connection refused/);
    expect(message).not.toContain('\n');
  });

  it('serves, stops cleanly on SIGTERM, and keeps every row when started again', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'first-admin-pass' };
    const first = await startServerProcess(env, PROCESS_TIMEOUT);
    expect(first.output()).toMatch(/\/kiosk\//);
    expect(first.output()).toMatch(/\/display\//);
    expect(first.output()).toMatch(/Sign in as "admin" with the password in ADMIN_PASSWORD/);
    expect(first.output()).toMatch(/Demo data: 3 venues/);

    // A second process on the same embedded database is refused, and the first keeps running.
    const second = await runMain({ ...env, PORT: '0' }, PROCESS_TIMEOUT);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another centre-ops \(pid \d+\) is using the embedded database/);
    expectOneLineRefusal(second, /another centre-ops/);

    const cookie = await httpSignIn(first.url, 'admin', 'first-admin-pass');
    const created = await postJson(`${first.url}/api/venues`, cookie, { name: '重启测试会场' });
    expect(created.status).toBe(201);
    expect(await first.stop('SIGTERM')).toBe(0);

    const again = await startServerProcess(env, PROCESS_TIMEOUT);
    try {
      expect(again.output()).not.toMatch(/Demo data/);
      const cookieAgain = await httpSignIn(again.url, 'admin', 'first-admin-pass');
      const venues = (await (await fetch(`${again.url}/api/venues`, { headers: { cookie: cookieAgain } })).json()) as {
        venues: Array<{ name: string }>;
      };
      expect(venues.venues.map((v) => v.name)).toContain('重启测试会场');
      expect(venues.venues.filter((v) => v.name === '市老干部活动中心')).toHaveLength(1);
    } finally {
      expect(await again.stop('SIGINT')).toBe(0);
    }
  });
});
