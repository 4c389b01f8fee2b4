import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * One build, four apps: the coordinator app at `/`, displays at `/display/`, the kiosk at `/kiosk/`, the
 * members' phone pages at `/m/`. Sources sit in `client/`, `client/display/`, `kiosk/` and `client/member/`;
 * the server maps the public paths onto the built pages (server/http/static.ts). In development this plugin
 * does the same mapping for Vite's dev server.
 */
const PAGE_REWRITES: Array<[RegExp, string]> = [
  [/^\/(\?.*)?$/, '/client/index.html'],
  [/^\/display\/?(\?.*)?$/, '/client/display/index.html'],
  [/^\/kiosk\/?(\?.*)?$/, '/kiosk/index.html'],
  [/^\/m\/?(\?.*)?$/, '/client/member/index.html'],
];

function publicPagePaths(): Plugin {
  return {
    name: 'centre-ops-page-paths',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        for (const [pattern, page] of PAGE_REWRITES) {
          const match = pattern.exec(url);
          if (match) {
            req.url = page + (match[1] ?? '');
            break;
          }
        }
        next();
      });
    },
  };
}

const apiPort = process.env.PORT ?? '3000';
// The apps' own unit tests (pure code beside the Svelte components): they run in Node with the server's, not in
// a browser; the browser project is tests/e2e.
const appUnitTests = ['client/**/*.test.ts', 'kiosk/**/*.test.ts'];

export default defineConfig({
  root: '.',
  plugins: [svelte(), publicPagePaths()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written for the site's engineer (to read a stack trace a browser printed) but not linked from
    // the bundles, and the server never serves them (server/http/static.ts): the whole client source is not
    // published. `npm run dev` serves sources as Vite always does.
    sourcemap: 'hidden',
    // .vite/manifest.json: which chunks each app loads at once and which later (tests/e2e/bundle-graph.ts).
    // Not served: the server publishes only the pages and assets/.
    manifest: true,
    rollupOptions: {
      input: {
        coordinator: resolve(import.meta.dirname, 'client/index.html'),
        display: resolve(import.meta.dirname, 'client/display/index.html'),
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        member: resolve(import.meta.dirname, 'client/member/index.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/socket.io': { target: `http://127.0.0.1:${apiPort}`, ws: true },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'tests/meta/**/*.test.ts', 'tests/support/**/*.test.ts', ...appUnitTests],
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['tests/integration/**/*.test.ts'],
          // *.pg.test.ts need a PostgreSQL server (several processes, dropped connections).
          exclude: ['tests/integration/**/*.pg.test.ts'],
          env: { TEST_STORAGE: 'pglite' },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['tests/integration/**/*.test.ts'],
          // *.pglite.test.ts are about the embedded database's own files.
          exclude: ['tests/integration/**/*.pglite.test.ts'],
          env: { TEST_STORAGE: 'postgres' },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
