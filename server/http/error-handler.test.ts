import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { FastifyError } from 'fastify';
import { isDatabaseUnavailable, toBody } from './error-handler.ts';
import { NO_NUL, ONE_LINE } from './schemas.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises what node-postgres and PostgreSQL say when the database goes away', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('write EPIPE', 'EPIPE'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
    }
  });

  it('leaves real failures and refusals alone', () => {
    expect(isDatabaseUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('conflicting key value violates exclusion constraint', '23P01'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(new AppError('booking_conflict', 'The room is taken then.'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('toBody', () => {
  const fastifyError = (fields: Partial<FastifyError>) => Object.assign(new Error(fields.message ?? 'x'), fields) as FastifyError;

  it('turns text PostgreSQL cannot store (NUL) into 400 validation_failed, not a 500', () => {
    for (const code of ['22021', '22P05']) {
      const body = toBody(withCode('invalid byte sequence for encoding "UTF8": 0x00', code));
      expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(body.message).toMatch(/NUL/);
    }
    expect(toBody(withCode('invalid input syntax for type uuid', '22P02')).status).toBe(500);
  });

  it('answers the router’s own refusals in the contract’s codes', () => {
    expect(toBody(fastifyError({ code: 'FST_ERR_BAD_URL', statusCode: 400 }))).toMatchObject({ status: 400, code: 'validation_failed', fields: { field: 'url' } });
    expect(toBody(fastifyError({ code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }))).toMatchObject({ status: 400, code: 'validation_failed', fields: { field: 'params' } });
    expect(toBody(fastifyError({ code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400, message: 'Request body size did not match Content-Length' })))
      .toMatchObject({ status: 400, code: 'validation_failed', message: 'Request body size did not match Content-Length.' });
    // A 4xx without a code of its own in docs/api.md becomes a 400, so statusCode and code always agree.
    expect(toBody(fastifyError({ code: 'SOMETHING', statusCode: 406, message: 'Not Acceptable' }))).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(toBody(fastifyError({ statusCode: 413 }))).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(toBody(fastifyError({ statusCode: 415 }))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('says what a refused pattern means instead of quoting the regular expression', () => {
    const patternError = (pattern: string) =>
      fastifyError({ validation: [{ instancePath: '/name', keyword: 'pattern', params: { pattern }, message: `must match pattern "${pattern}"` }] as never, validationContext: 'body' });
    expect(toBody(patternError(ONE_LINE))).toMatchObject({ status: 400, fields: { field: 'name' }, message: 'The field "name" must be one line of text without control characters or broken (unpaired surrogate) characters.' });
    expect(toBody(patternError(NO_NUL)).message).toBe('The field "name" may not contain NUL characters or broken (unpaired surrogate) characters.');
    expect(toBody(patternError('^[0-9]+$')).message).toBe('The field "name" does not have the expected form.');
  });
});
