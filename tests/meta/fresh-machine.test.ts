/**
 * `npm test` must pass on a new machine with no PostgreSQL server and no Chromium: every suite that needs one
 * of them skips there (and CI, with REQUIRE_PG=1 REQUIRE_BROWSER=1, refuses to skip anything). A suite that
 * forgets its guard does not skip: it throws "TEST_DATABASE_URL is not set" or "no Chromium" on that machine,
 * which nobody sees on a machine that has both. So this reads every suite and checks the guard is there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TESTS = path.resolve(import.meta.dirname, '..');

function suites(folder: string): Array<{ file: string; text: string }> {
  return readdirSync(path.join(TESTS, folder))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(path.join(TESTS, folder, f), 'utf8') }));
}

/** The top-level `describe` lines of a suite, and those without the given guard. */
function unguarded(text: string, guard: string): string[] {
  const tops = text.split('\n').filter((line) => /^describe\b/.test(line));
  if (tops.length === 0) return ['(no top-level describe: wrap the suite in one that carries the guard)'];
  return tops.filter((line) => !line.startsWith(`describe.runIf(${guard})(`));
}

describe('suites skip cleanly on a machine without PostgreSQL or Chromium', () => {
  // The embedded-database files (*.pglite.test.ts) need neither: PGlite is always there.
  const database = suites('integration').filter((s) => !s.file.endsWith('.pglite.test.ts'));
  const browser = suites('e2e');

  it('finds the suites it checks', () => {
    expect(database.length).toBeGreaterThan(20);
    expect(database.some((s) => s.file.endsWith('.pg.test.ts'))).toBe(true);
    expect(browser.length).toBeGreaterThan(5);
  });

  it.each(database.map((s) => [s.file, s.text]))('%s runs only where its database is', (_file, text) => {
    expect(unguarded(text, 'storageAvailable')).toEqual([]);
  });

  it.each(browser.map((s) => [s.file, s.text]))('%s runs only where Chromium is', (_file, text) => {
    expect(unguarded(text, 'chromiumPath')).toEqual([]);
  });
});
