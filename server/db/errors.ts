/** PostgreSQL error codes the services turn into friendly answers (same codes from pg and PGlite). */
export const PG = { UNIQUE_VIOLATION: '23505', EXCLUSION_VIOLATION: '23P01', FOREIGN_KEY_VIOLATION: '23503' } as const;

export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (error: unknown): boolean => pgErrorCode(error) === PG.UNIQUE_VIOLATION;
