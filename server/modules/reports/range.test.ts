import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { MAX_DAYS, MAX_DAYS_BY_DAY, parseRange, periodKeys } from './range.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, field: error.fields.field } : error;
  }
  return null;
};

describe('report ranges', () => {
  it('takes local dates or instants, half-open', () => {
    expect(parseRange('2026-01-01', '2026-02-01', MAX_DAYS_BY_DAY)).toEqual({ kind: 'date', from: '2026-01-01', to: '2026-02-01', days: 31 });
    expect(parseRange('2026-01-01T00:00:00+08:00', '2026-01-02T00:00:00+08:00', MAX_DAYS_BY_DAY)).toMatchObject({ kind: 'instant', from: '2025-12-31T16:00:00.000Z', days: 1 });
  });

  it('refuses empty, reversed, mixed and too long ranges, naming the field', () => {
    expect(refusal(() => parseRange('2026-01-01', '2026-01-01', MAX_DAYS))).toEqual({ code: 'validation_failed', field: 'to' });
    expect(refusal(() => parseRange('2026-02-30', '2026-03-01', MAX_DAYS))).toEqual({ code: 'validation_failed', field: 'from' });
    expect(refusal(() => parseRange('2026-01-01', '2026-01-02T00:00:00Z', MAX_DAYS))).toEqual({ code: 'validation_failed', field: 'to' });
    expect(refusal(() => parseRange('2024-01-01', '2025-01-02', MAX_DAYS_BY_DAY))).toEqual({ code: 'validation_failed', field: 'to' });
    expect(parseRange('2024-01-01', '2025-01-01', MAX_DAYS_BY_DAY).days).toBe(366);
    expect(parseRange('2016-01-01', '2026-01-01', MAX_DAYS).days).toBe(3653);
    expect(refusal(() => parseRange('2016-01-01', '2026-01-02', MAX_DAYS))).toEqual({ code: 'validation_failed', field: 'to' });
  });

  it('lists the periods of a date range: ISO weeks start on Monday', () => {
    const range = parseRange('2026-11-27', '2026-12-08', MAX_DAYS);
    expect(periodKeys(range, 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(periodKeys(range, 'month')).toEqual(['2026-11', '2026-12']);
    expect(periodKeys(range, 'day')).toHaveLength(11);
  });
});
