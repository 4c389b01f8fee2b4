/**
 * The standard security headers (@fastify/helmet) on every response: pages, assets, /api answers and errors.
 * Registered before any route, so a 404 or a 500 carries them too.
 *
 * The Content-Security-Policy allows no inline script and nothing from another origin. What each app needs,
 * and why the policy allows it:
 *  - script-src 'self': only the built, hashed bundles; the built pages have no inline script (Vite puts its
 *    modulepreload polyfill into the entry bundle, not into the page). script-src-attr 'none' forbids
 *    onclick="…" style handlers. No 'unsafe-eval'.
 *  - style-src-elem 'self' plus the hash of the EMPTY string: FullCalendar 6 inserts one empty
 *    <style data-fullcalendar> element at runtime and fills it through CSSOM (sheet.insertRule), which CSP does
 *    not govern. Allowing only an empty inline <style> (its sha256) lets that work while an injected
 *    <style>…</style> with content is still refused, so no 'unsafe-inline' and no per-request nonce is needed
 *    for elements. Svelte's component CSS is extracted into the built .css files.
 *  - style-src-attr 'none': no style="" attribute in markup is needed. Svelte 5 (style:… directives, style={…})
 *    and FullCalendar's Preact set styles through CSSOM (element.style.setProperty / style.cssText), which CSP
 *    does not govern, and the built templates carry no style attribute. So even the attribute half of
 *    'unsafe-inline' is not granted; the browser tests (calendar, courts grid, occupancy bars) prove it.
 *  - img-src 'self' data: blob: : QR codes are drawn to data: URLs; blob: for any object URL of a drawn image.
 *  - font-src 'self' data: : FullCalendar's icon font is a data: URL inside its injected rules.
 *  - media-src 'self' blob: / worker-src 'self' blob: : the kiosk camera is a MediaStream (srcObject), which
 *    CSP does not govern, and jsQR decodes on the main thread; these only keep a future blob: video or
 *    decoding worker from being blocked silently, while still refusing other origins.
 *  - connect-src 'self' plus ws:// and wss:// of the host the page was asked for: socket.io upgrades to a
 *    same-origin WebSocket. Recent browsers let 'self' match ws:/wss: of the same host, older WebKit (kiosk
 *    tablets) does not; the explicit same-host form covers both. The host is taken from the request only when
 *    it looks like a host name, so a hostile Host header cannot add sources.
 *  - frame-ancestors 'none' (with X-Frame-Options DENY for old browsers), object-src 'none', base-uri 'self',
 *    form-action 'self'.
 *  - No upgrade-insecure-requests: a LAN site on plain http must keep loading its assets over http.
 *
 * Strict-Transport-Security is sent only on requests that arrived over HTTPS (request.protocol, which honours
 * X-Forwarded-Proto when TRUST_PROXY says to believe the proxy), so a plain-http LAN install never pins itself
 * to HTTPS. Cross-Origin-Embedder-Policy is not sent: nothing needs cross-origin isolation, and require-corp
 * would only risk breaking things.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';
import { requestIdFor } from './request-id.ts';

/** sha256 of "" — allows an inline <style> element only while it is empty (FullCalendar's, see above). */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** 180 days; no includeSubDomains: a venue's host name may share a domain with other, plain-http services. */
export const HSTS_VALUE = 'max-age=15552000';

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** ws:// and wss:// of the requested host, when the Host header is a plain host[:port]. */
export function sameHostSockets(req: IncomingMessage): string {
  const host = req.headers.host;
  return typeof host === 'string' && host.length <= 255 && HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/** The one policy, used by the Fastify plugin and by the answers sent outside Fastify's hooks (below). */
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      styleSrcElem: ["'self'", EMPTY_STYLE_HASH],
      styleSrcAttr: ["'none'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      mediaSrc: ["'self'", 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'", (req: IncomingMessage) => sameHostSockets(req)],
      manifestSrc: ["'self'"],
      frameSrc: ["'none'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
} satisfies HelmetOptions;

const applyHelmet = helmet(HELMET_OPTIONS);

/**
 * Sets the headers on a raw answer that Fastify's hooks never see: the router's own refusals (a malformed
 * %-escape, an overlong path part; frameworkErrors in app.ts) and socket.io's polling answers, which
 * engine.io writes straight to the connection. Node merges headers set here into the later writeHead.
 * Helmet's middleware is synchronous: every header is set when this returns.
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  applyHelmet(req, res, () => undefined);
}

/**
 * socket.io answers its long-polling requests itself, before Fastify routes anything; a listener put in front
 * of socket.io's gives those answers the same headers and a request id. Call after the socket server is
 * attached (it takes over the 'request' listeners it finds). No HSTS here: browsers learn it from any page.
 */
export function secureSocketAnswers(server: Server, socketPath = '/socket.io/'): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(socketPath)) return;
    setSecurityHeaders(req, res);
    res.setHeader('x-request-id', requestIdFor(req));
  });
}

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
  });
}
