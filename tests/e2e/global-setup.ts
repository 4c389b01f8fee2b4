/**
 * Browser tests need Chromium and the built apps. Debian's /usr/bin/chromium is used (a test tool's own
 * browser download does not work on these machines). Without it the suite is skipped, unless
 * REQUIRE_BROWSER=1 (CI), where its absence fails the run.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string | null;
  }
}

export default function setup(project: TestProject): void {
  if (!existsSync(CHROMIUM)) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}.`);
    project.provide('chromium', null);
    return;
  }
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  project.provide('chromium', CHROMIUM);
}
