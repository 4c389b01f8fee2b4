/**
 * Screenshots of a journey's key screens, for a person to look at: each journey saves its pictures under
 * test-results/journeys/<journey>/ as NN-<what>.png, numbered in the order the user saw them. The folder is
 * emptied when a journey starts, so what is there is always the last run's.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const JOURNEYS_DIR = path.resolve(import.meta.dirname, '../../test-results/journeys');

export interface Shots {
  readonly dir: string;
  /** Saves the whole page as the next numbered picture; `what` names it (lower-case words and dashes). */
  take(page: Page, what: string): Promise<string>;
}

export function journeyShots(journey: string): Shots {
  const dir = path.join(JOURNEYS_DIR, journey);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    async take(page, what) {
      n += 1;
      const file = path.join(dir, `${String(n).padStart(2, '0')}-${what}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
  };
}
