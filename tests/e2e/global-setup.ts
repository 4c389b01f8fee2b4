/**
 * Browser tests need Chromium and the built apps. Debian's /usr/bin/chromium is used (a test tool's own
 * browser download does not work on these machines). Without it the suite is skipped, unless
 * REQUIRE_BROWSER=1 (CI), where its absence fails the run.
 */
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string | null;
    /** The apps built for this run; each run builds its own, so two runs side by side never share a dist/. */
    e2eDist: string | null;
  }
}

export default function setup(project: TestProject): (() => void) | undefined {
  if (!existsSync(CHROMIUM)) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}.`);
    project.provide('chromium', null);
    project.provide('e2eDist', null);
    return;
  }
  const root = path.resolve(import.meta.dirname, '../..');
  const outDir = path.join(root, '.test-data', `dist-${process.pid}`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  project.provide('chromium', CHROMIUM);
  project.provide('e2eDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
