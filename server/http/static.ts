/**
 * Serves the built apps from dist/: the four pages at their public paths, and Vite's hashed assets.
 * Hashed files never change, so browsers keep them for a year; pages are revalidated on every load
 * (`no-cache`), so a kiosk picks up a new release on its next reload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors.ts';

export const PAGES: Record<string, string> = {
  '/': 'client/index.html',
  '/display/': 'client/display/index.html',
  '/kiosk/': 'kiosk/index.html',
  '/m/': 'client/member/index.html',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function serveApps(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(path.join(distDir, PAGES['/']!));
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    cacheControl: false,
    // Source maps stay on the server's disk (vite.config.ts builds them unlinked): 404 like any missing file.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders: (res) => res.setHeader('cache-control', IMMUTABLE),
  });

  const sendPage = (reply: FastifyReply, file: string) => {
    if (!built) {
      throw new AppError('service_unavailable', 'The apps are not built yet: run "npm run build" (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(file, distDir, { cacheControl: false });
  };
  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, (_request, reply) => sendPage(reply, file));
    if (route !== '/') {
      // "/kiosk" or "/m" without the slash: send people to the canonical address so relative asset paths resolve.
      app.get(route.slice(0, -1), (request, reply) => {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        return reply.redirect(route + query, 301);
      });
    }
  }
}
