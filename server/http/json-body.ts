/**
 * JSON bodies must be UTF-8. Fastify's own parser decodes bytes leniently, so a body that is not UTF-8 (a
 * GBK export pasted by a script, a truncated multi-byte character) would be stored with U+FFFD in place of
 * what was meant. This parser decodes strictly and answers `400 validation_failed` instead; the rest is
 * Fastify's parser as it was (secure-json-parse, refusing `__proto__` and `constructor.prototype`).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function strictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError('validation_failed', 'The request body is not valid UTF-8; send JSON encoded as UTF-8.', { field: 'body' }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
