/**
 * The one error shape of docs/api.md: `{statusCode, code, message, ...fields}`.
 * Services throw AppError; the handler in http/error-handler.ts turns it (and Fastify's own errors) into
 * that body. `message` is a sentence a person can act on.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_score: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  member_not_found: 404,
  booking_conflict: 409,
  version_conflict: 409,
  duplicate: 409,
  conflict: 409,
  venue_closed: 409,
  window_closed: 409,
  not_eligible: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of this code, e.g. `conflicts` or `field`; sent beside code and message. */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
    this.statusCode = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found; it may have been removed.`);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('forbidden', message);
export const validationFailed = (field: string, message: string) =>
  new AppError('validation_failed', message, { field });
