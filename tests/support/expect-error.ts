/**
 * docs/api.md's error shape, asserted the same way by every integration test:
 * the HTTP status, and a JSON body `{statusCode, code, message, ...fields}` whose message is a sentence.
 */
import { expect } from 'vitest';

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  [key: string]: unknown;
}

/** Asserts the error shape; `field` (when given) must be, or match, the field the body names. Returns the body. */
export function expectError(response: InjectedResponse, status: number, code: string, field?: string | RegExp): ErrorBody {
  const context = `${response.statusCode} ${response.body}`;
  expect(response.statusCode, context).toBe(status);
  expect(String(response.headers['content-type']), context).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as ErrorBody;
  expect(body, context).toMatchObject({ statusCode: status, code });
  expect(typeof body.message, context).toBe('string');
  expect(body.message.trim().length, context).toBeGreaterThan(10);
  expect(body.message.trim(), context).toMatch(/[.!?]$/);
  if (typeof field === 'string') expect(body.field, context).toBe(field);
  if (field instanceof RegExp) expect(body.field, context).toMatch(field);
  return body;
}
