import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const HealthBody = Type.Object({ status: Type.String(), db: Type.Union([Type.Literal('ok'), Type.Literal('down')]) });
/** docs/api.md's `db: "down"`, plus the one error shape every other 503 has, so clients need one check. */
const DownBody = Type.Object({
  statusCode: Type.Literal(503),
  code: Type.Literal('service_unavailable'),
  message: Type.String(),
  status: Type.String(),
  db: Type.Literal('down'),
});

/** GET /api/health: 200 when the database answers within two seconds, 503 "db: down" otherwise. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { schema: { response: { 200: HealthBody, 503: DownBody } } }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        app.database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('health check timed out')), 2_000);
        }),
      ]);
      return { status: 'ok', db: 'ok' as const };
    } catch {
      return reply.status(503).send({
        statusCode: 503,
        code: 'service_unavailable' as const,
        message: 'The database is not reachable right now; please try again shortly.',
        status: 'unavailable',
        db: 'down' as const,
      });
    } finally {
      clearTimeout(timer);
    }
  });
};
