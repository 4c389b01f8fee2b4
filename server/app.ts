/**
 * buildApp: the one place that makes the Fastify instance. main.ts and every test call it, so what tests
 * check is what runs. Plugins first (security headers, cookies, errors, authentication), then routes under /api, then pages.
 * The socket server and the outbox dispatcher live and die with the app.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { enforceAccess, requireAccessEntries } from './http/access-check.ts';
import { authenticate } from './http/authenticate.ts';
import { frameworkErrors, registerErrorHandling } from './http/error-handler.ts';
import { refuseNonFiniteNumbers } from './http/finite-numbers.ts';
import { strictJsonBodies } from './http/json-body.ts';
import { redactUrl } from './http/log-url.ts';
import { requestIdFor } from './http/request-id.ts';
import { secureSocketAnswers, securityHeaders } from './http/security-headers.ts';
import { healthRoutes } from './http/health.ts';
import { serveApps } from './http/static.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { startSessionExpiryJob } from './modules/auth/expiry.ts';
import { bookingRoutes } from './modules/bookings/routes.ts';
import { checkinRoutes } from './modules/checkins/routes.ts';
import { startClosingTimeJob } from './modules/checkins/closing.ts';
import { startHousekeeping } from './housekeeping.ts';
import { memberRoutes } from './modules/members/routes.ts';
import { memberAuthRoutes } from './modules/member-auth/routes.ts';
import { tournamentRoutes } from './modules/tournaments/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { enrolmentRoutes } from './modules/enrolment/routes.ts';
import { startSeatDeadlineJob } from './modules/enrolment/deadlines.ts';
import { startSeatBoard } from './modules/enrolment/seat-board.ts';
import { termTopicVenue } from './modules/enrolment/terms.ts';
import { tournamentTopicVenue } from './modules/tournaments/service.ts';
import { deviceRoutes } from './modules/devices/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { venueRoutes } from './modules/venues/routes.ts';
import { venueTopicVenue } from './modules/venues/service.ts';
import { Dispatcher } from './realtime/dispatcher.ts';
import { createSocketServer, socketSink, wireSocketServer, type LiveServer } from './realtime/socket-server.ts';
import { TopicRegistry } from './realtime/topic-access.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    io: LiveServer;
    dispatcher: Dispatcher;
    topics: TopicRegistry;
  }
}

/** JSON bodies are small; the CSV member import raises its own limit. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Secrets never reach the log: credentials in headers, and the secret fields of any body or object that
 * a handler might log (Fastify itself logs no bodies).
 */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'token', 'pairingCode', 'pin'].flatMap((field) => [`req.body.${field}`, `body.${field}`, field]),
];

export interface BuildOptions {
  /** The opened (and migrated) database; the app closes it when it closes. */
  database: Database;
  /** Pino options override (tests pass `false` to keep output quiet). */
  logger?: boolean | object;
  /** Where the default logger writes (stdout unless given); tests read it to check what gets logged. */
  logStream?: { write(line: string): void };
  /** Timed jobs (housekeeping.ts, closing time, session expiry); tests run those steps themselves. Default true. */
  backgroundJobs?: boolean;
}

export async function buildApp(config: Config, options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: LOG_REDACT,
      // Fastify's own request line, with the query's secrets hidden (log-url.ts).
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket?.remotePort,
        }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // A malformed %-escape or an overlong path part: docs/api.md's error shape, not Fastify's own body.
    frameworkErrors,
    // A proxy's sane request id is kept (request-id.ts).
    requestIdHeader: false,
    genReqId: requestIdFor,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', options.database);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await securityHeaders(app);
  await app.register(fastifyCookie);
  registerErrorHandling(app);
  strictJsonBodies(app);
  refuseNonFiniteNumbers(app);
  await app.register(authenticate, { db: options.database.db });
  // The authorization matrix (http/access.ts): every route below must have its row, and every call is checked.
  requireAccessEntries(app);
  enforceAccess(app, options.database.db);

  const topics = new TopicRegistry();
  topics.register('venue', venueTopicVenue(options.database.db));
  topics.register('tournament', tournamentTopicVenue(options.database.db));
  topics.register('term', termTopicVenue(options.database.db));
  const io = createSocketServer(app);
  secureSocketAnswers(app.server);
  const dispatcher = new Dispatcher(options.database, socketSink(io, app.deviceCache), app.log);
  app.decorate('topics', topics);
  app.decorate('io', io);
  app.decorate('dispatcher', dispatcher);
  wireSocketServer(app, io, dispatcher, topics);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(venueRoutes);
      await api.register(deviceRoutes);
      await api.register(bookingRoutes);
      await api.register(memberRoutes);
      await api.register(memberAuthRoutes, { backgroundJobs: options.backgroundJobs !== false });
      await api.register(checkinRoutes);
      await api.register(tournamentRoutes);
      await api.register(reportRoutes);
      await api.register(enrolmentRoutes);
    },
    { prefix: '/api' },
  );
  if (config.staticDir) await serveApps(app, config.staticDir);

  const stopJobs: Array<() => void> = [];
  app.addHook('onReady', async () => {
    await dispatcher.start();
    if (options.backgroundJobs !== false) {
      stopJobs.push(
        startHousekeeping(options.database.db, app.log),
        startClosingTimeJob(options.database.db, app.log),
        startSessionExpiryJob(options.database.db, app.log),
        startSeatDeadlineJob(options.database.db, app.log),
        startSeatBoard(options.database.db, app.log),
      );
    }
  });
  // Sockets first, closed at the transport so that clients reconnect (to another process, or to this one
  // when it is back) and replay what they missed; then the dispatcher, then the database.
  app.addHook('preClose', async () => {
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    for (const stop of stopJobs) stop();
    await dispatcher.stop();
    await options.database.close();
  });
  return app;
}
