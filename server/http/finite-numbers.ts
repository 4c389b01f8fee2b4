/**
 * Ajv coerces querystring values (and JSON strings where a number is expected) to numbers, and lets
 * "1e309" or "Infinity" through as Infinity: its coercion does not check finiteness, and its minimum and
 * maximum keywords skip non-finite numbers (ajv 8.20). So `?limit=1e309` or `{"capacity": "Infinity"}` would
 * pass every bound and reach SQL. This hook runs after validation and refuses any number that is not finite,
 * naming the field, before a handler sees it. (A JSON literal 1e309 is already refused by Ajv's type check.)
 */
import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../errors.ts';

/** The path of the first non-finite number in `value`, or null. Iterative: bodies may nest deeply. */
export function nonFiniteNumberAt(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'number' && !Number.isFinite(item)) return path;
    if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

export function refuseNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    for (const part of [request.query, request.body, request.params]) {
      const field = nonFiniteNumberAt(part);
      if (field !== null) throw validationFailed(field || 'body', `The field "${field || 'body'}" must be a finite number.`);
    }
  });
}
