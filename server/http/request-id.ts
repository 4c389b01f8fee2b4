/**
 * The id of a request, in the log and in the x-request-id answer header. A proxy's own id is kept when it
 * sends a sane one, so log lines join up across hops; Fastify's requestIdHeader would take any incoming value
 * as it is, so this reads the header itself. Also used for the answers socket.io sends outside Fastify.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
