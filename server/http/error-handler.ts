/**
 * The one error handler: every failure leaves as docs/api.md's `{statusCode, code, message, ...fields}`.
 * 5xx details go to the log with the request id, never to the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors.ts';
import { PATTERN_HINTS } from './schemas.ts';
import { setSecurityHeaders } from './security-headers.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** "body.capacity" from Fastify's validation context and Ajv's instance path / missing property. */
function fieldOf(error: FastifyError): string {
  const issue = (error.validation?.[0] ?? {}) as ValidationIssue;
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  const missing = issue.params?.missingProperty ?? issue.params?.requiredProperties;
  if (typeof missing === 'string') path.push(missing);
  if (Array.isArray(missing) && typeof missing[0] === 'string') path.push(missing[0]);
  const extra = issue.params?.additionalProperty;
  if (issue.keyword === 'additionalProperties' && typeof extra === 'string') path.push(extra);
  const context = error.validationContext ?? 'body';
  return path.length > 0 ? path.join('.') : context;
}

function validationMessage(error: FastifyError, field: string): string {
  const issue = (error.validation?.[0] ?? {}) as ValidationIssue;
  if (issue.keyword === 'required') return `The field "${field}" is required.`;
  if (issue.keyword === 'additionalProperties') return `The field "${String(issue.params?.additionalProperty)}" is not allowed here.`;
  if (issue.keyword === 'pattern') {
    const hint = PATTERN_HINTS[String(issue.params?.pattern)];
    return `The field "${field}" ${hint ?? 'does not have the expected form'}.`;
  }
  return `The field "${field}" ${issue.message ?? 'is not valid'}.`;
}

/** PostgreSQL: text that cannot be stored (NUL in text or jsonb, a character the encoding lacks). */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const DB_DOWN_CODES = new Set([
  // the network to the database
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  // PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, connection exceptions
  '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003',
]);

/** The database or the network to it is gone: the request can be retried later, nothing was changed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}

/** The status and body an error leaves as (exported for its unit tests). */
export function toBody(error: FastifyError | Error): { status: number; code: ErrorCode; message: string; fields: Record<string, unknown> } {
  if (error instanceof AppError) return { status: error.statusCode, code: error.code, message: error.message, fields: error.fields };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const field = fieldOf(fastifyError);
    return { status: 400, code: 'validation_failed', message: validationMessage(fastifyError, field), fields: { field } };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'validation_failed', message: 'The address has a malformed %-escape; check the link.', fields: { field: 'url' } };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 400, code: 'validation_failed', message: 'A part of the address is too long to be an id; check the link.', fields: { field: 'params' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: 'The request is too large.', fields: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.', fields: {} };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'validation_failed', message: 'The request body is not valid JSON.', fields: { field: 'body' } };
  }
  if (fastifyError instanceof SyntaxError) {
    return { status: 400, code: 'validation_failed', message: 'The request body is not valid JSON.', fields: { field: 'body' } };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'service_unavailable', message: 'The database is not reachable right now; please try again shortly.', fields: {} };
  }
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && UNSTORABLE_TEXT_CODES.has(pgCode)) {
    // A safety net behind the schemas (http/schemas.ts refuses NUL in every string field): the statement failed,
    // so its transaction rolled back and nothing changed.
    return { status: 400, code: 'validation_failed', message: 'The request contains a character that cannot be stored (a NUL character); remove it and try again.', fields: {} };
  }
  const status = fastifyError.statusCode && fastifyError.statusCode >= 400 ? fastifyError.statusCode : 500;
  if (status === 429) return { status, code: 'rate_limited', message: 'Too many requests; please wait a moment.', fields: {} };
  if (status === 404) return { status, code: 'not_found', message: 'Nothing was found here.', fields: {} };
  if (status === 401) return { status, code: 'unauthenticated', message: sentence(fastifyError.message || 'Sign in first'), fields: {} };
  if (status === 403) return { status, code: 'forbidden', message: sentence(fastifyError.message || 'You are not allowed to do this'), fields: {} };
  if (status === 413) return { status, code: 'payload_too_large', message: 'The request is too large.', fields: {} };
  if (status === 415) return { status, code: 'unsupported_media_type', message: 'Send the body as application/json.', fields: {} };
  // Any other refusal of the request itself: docs/api.md's codes have no other 4xx, so it is a 400.
  if (status < 500) return { status: 400, code: 'validation_failed', message: sentence(fastifyError.message || 'The request is not valid'), fields: {} };
  return { status: 500, code: 'internal_error', message: 'Something went wrong on the server; it has been logged.', fields: {} };
}

export function sendError(reply: FastifyReply, error: FastifyError | Error): FastifyReply {
  const { status, code, message, fields } = toBody(error);
  // An outage fails every request the same way: one warning line each, not a stack trace each (the
  // listener's own warning says when the connection is lost and found again).
  if (code === 'service_unavailable' && !(error instanceof AppError)) {
    reply.request.log.warn({ dbError: { code: (error as { code?: unknown }).code, message: error.message } }, 'database unavailable');
  } else if (status >= 500 && !(error instanceof AppError)) reply.request.log.error({ err: error }, 'request failed');
  else if (status >= 500) reply.request.log.warn({ code }, message);
  if (code === 'rate_limited' && typeof fields.retryAfter === 'number') reply.header('retry-after', String(fields.retryAfter));
  return reply.status(status).type('application/json; charset=utf-8').send({ ...fields, statusCode: status, code, message });
}

/**
 * For Fastify's `frameworkErrors` option: errors of the router itself (a malformed %-escape, a path part over
 * the length limit) leave in the same shape as every other error instead of Fastify's own body.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // These answers skip every hook (the router refused before any ran), so they get their headers here.
  setSecurityHeaders(request.raw, reply.raw);
  reply.header('x-request-id', request.id);
  return sendError(reply, error);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => sendError(reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new AppError('not_found', `There is no ${request.method} ${request.url.split('?')[0]} here.`)),
  );
}

