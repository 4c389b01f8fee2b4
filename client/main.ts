/**
 * The coordinator app's entry, kept tiny: for a browser that is signed in it sends the first requests
 * (early-requests.ts) and starts the code of the page the address names at the same moment as the shell's
 * (Svelte, messages, the live connection), instead of after the shell has arrived and run. Both imports share
 * their chunks; App asks for the page again later and gets the same module.
 */
import { sendEarlyRequests } from './early-requests.ts';
import { hasSessionHint } from './lib/session-hint.ts';
import { pageImports, pageOf } from './page-imports.ts';
import { parseHash } from './routes.ts';
import './app.css';

if (hasSessionHint()) {
  sendEarlyRequests();
  // A failure here is shown by the page itself (LazyPage.svelte), which asks again.
  pageImports[pageOf(parseHash(location.hash))]().catch(() => {});
}

import('./boot.ts').catch(() => {
  // Without the shell there are no messages to speak with: say it in both languages.
  const target = document.getElementById('app');
  if (target) target.textContent = '页面没有打开，请刷新重试。 The page did not open: reload to try again.';
});
