/**
 * A stand-in for the Vite build (dist/): the four apps' pages and one hashed asset, plus an empty folder for
 * "the apps are not built". Tests of static serving and of headers point `staticDir` at them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FakeDist {
  /** A folder laid out like dist/: client/index.html, client/display/index.html, kiosk/index.html, client/member/index.html, assets/app-abc123.js. */
  dist: string;
  /** An empty folder: the apps were never built. */
  empty: string;
  remove(): void;
}

/** The page the fake build serves for an app (its name as title and body). */
export const fakePage = (name: string) => `<!doctype html><html><head><title>${name}</title></head><body>${name}</body></html>`;

export function makeFakeDist(): FakeDist {
  const dist = mkdtempSync(path.join(tmpdir(), 'centre-ops-dist-'));
  const empty = mkdtempSync(path.join(tmpdir(), 'centre-ops-empty-'));
  for (const dir of ['client/display', 'client/member', 'kiosk', 'assets']) mkdirSync(path.join(dist, dir), { recursive: true });
  writeFileSync(path.join(dist, 'client/index.html'), fakePage('coordinator'));
  writeFileSync(path.join(dist, 'client/display/index.html'), fakePage('display'));
  writeFileSync(path.join(dist, 'kiosk/index.html'), fakePage('kiosk'));
  writeFileSync(path.join(dist, 'client/member/index.html'), fakePage('member'));
  writeFileSync(path.join(dist, 'assets/app-abc123.js'), 'console.log("app");\n');
  // What `vite build` leaves beside each bundle (unlinked); the server must never hand it out.
  writeFileSync(path.join(dist, 'assets/app-abc123.js.map'), '{"version":3,"sources":["client/main.ts"],"mappings":""}\n');
  return {
    dist,
    empty,
    remove() {
      rmSync(dist, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    },
  };
}
