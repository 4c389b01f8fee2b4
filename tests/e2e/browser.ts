/**
 * Chromium for tests, with the flags this machine needs (no sandbox as root, no background networking:
 * the closed network refuses it), and a collector of console errors and page errors per page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/processes.ts';

export const chromiumPath = inject('chromium');
/**
 * Environment for a server process that serves this run's build of the apps (global-setup.ts). The demo's
 * months of invented history stay out (tests count what they made); the admin journey asks for it.
 */
export const builtAppsEnv: Record<string, string> = { STATIC_DIR: inject('e2eDist') ?? 'dist', DEMO_HISTORY: '0' };

/** `extraArgs`: more Chromium flags, e.g. a fake camera (fake-camera.ts). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Every console error and uncaught exception of the page, to assert there were none. A Content-Security-Policy
 * violation is one of them: Chromium reports each blocked script, style, image or connection as a console
 * error ("… violates the following Content Security Policy directive …"), so a test that asserts an empty list
 * also proves its app works under the server's policy (server/http/security-headers.ts).
 */
export function collectErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${label} console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${label} pageerror: ${error.message}`));
  return errors;
}

/** A server process on a new temporary embedded database (demo data included) and a browser, for one test file. */
export async function openSuite(
  env: Record<string, string>,
  browserArgs: string[] = [],
): Promise<{ server: ServerProcess; browser: Browser; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'centre-ops-e2e-'));
  const server = await startServerProcess({ ...builtAppsEnv, DATA_DIR: dataDir, ...env });
  const browser = await launchBrowser(browserArgs);
  return {
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new browser context (zh-CN) signed in to the coordinator app as `username`. Its console errors, page
 * errors and any dialog (none is expected: a dialog would mean injected script ran) go to `collectors`.
 */
export async function signInPage(
  browser: Browser,
  url: string,
  username: string,
  password: string,
  collectors: string[][],
  context: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...context })).newPage();
  collectors.push(collectErrors(page, username));
  page.on('dialog', (dialog) => {
    collectors.push([`${username} dialog: ${dialog.message()}`]);
    void dialog.dismiss();
  });
  await page.goto(`${url}/`);
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/密码/).fill(password);
  await page.getByRole('button', { name: /登录/ }).click();
  await page.getByRole('button', { name: /退出/ }).waitFor();
  return page;
}
