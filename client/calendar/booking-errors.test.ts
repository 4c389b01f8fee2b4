import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../lib/api.ts';
import { interpolate, type Lang } from '../lib/i18n-core.ts';
import { en } from '../lib/messages/en.ts';
import { zhCN, type MessageKey } from '../lib/messages/zh-CN.ts';
import { closureLine, conflictLine, describeBookingError, formField } from './booking-errors.ts';
import type { Translate } from './event-view.ts';

const translator =
  (lang: Lang): Translate =>
  (key: MessageKey, params?: Record<string, string | number>) =>
    interpolate((lang === 'en' ? en : zhCN)[key], params);
const zh = translator('zh-CN');
const english = translator('en');

const clash = {
  id: 'b9',
  roomId: 'r1',
  start: '2027-03-02T01:00:00.000Z',
  end: '2027-03-02T02:30:00.000Z',
  title: '太极拳',
};

function apiError(statusCode: number, code: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError({ statusCode, code, message: `server says ${code}`, ...extra });
}

describe('booking errors', () => {
  it('names every clashing booking and keeps them for "go to it"', () => {
    const problem = describeBookingError(apiError(409, 'booking_conflict', { conflicts: [clash, { junk: true }] }), { tr: zh });
    expect(problem.code).toBe('booking_conflict');
    expect(problem.message).toBe('未保存：与以下预订时间冲突。');
    expect(problem.conflicts).toEqual([clash]);
    const line = conflictLine(clash, { tr: zh, lang: 'zh-CN', timeZone: 'Asia/Shanghai', roomName: () => '一号教室' });
    expect(line).toBe('「太极拳」 一号教室 2027/03/02 09:00–10:30');
  });

  it('says which booking was not moved when a drag is refused', () => {
    const problem = describeBookingError(apiError(409, 'booking_conflict', { conflicts: [clash] }), { tr: english, movedTitle: 'Choir' });
    expect(problem.message).toBe('“Choir” was not moved: it would clash with these bookings.');
  });

  it('marks which new occurrence of a series a clash blocks', () => {
    const line = conflictLine(
      { ...clash, occurrence: { start: clash.start, end: clash.end } },
      { tr: english, lang: 'en', timeZone: 'Asia/Shanghai', roomName: () => 'Room 1' },
    );
    expect(line).toBe('“太极拳” Room 1 02/03/2027, 09:00–10:30 (for the occurrence on 02/03/2027)');
  });

  it('lists the closures of venue_closed, whole days shown as dates', () => {
    const closure = {
      id: 'c1',
      venueId: 'v1',
      roomId: null,
      start: '2027-02-09T16:00:00Z',
      end: '2027-02-16T16:00:00Z',
      reason: '春节放假',
    };
    const problem = describeBookingError(apiError(409, 'venue_closed', { closures: [closure] }), { tr: zh });
    expect(problem.message).toBe('未保存：这段时间场馆闭馆。');
    expect(problem.closures).toEqual([closure]);
    expect(closureLine(closure, 'Asia/Shanghai', 'zh-CN')).toBe('春节放假 2027/02/10–2027/02/16');
    expect(closureLine({ ...closure, end: '2027-02-10T16:00:00Z' }, 'Asia/Shanghai', 'zh-CN')).toBe('春节放假 2027/02/10');
  });

  it('returns the current booking of a version conflict', () => {
    const current = {
      ...clash,
      venueId: 'v1',
      kind: 'class',
      status: 'confirmed',
      seriesId: null,
      occurrenceDate: null,
      version: 7,
      expectedCount: null,
      notes: null,
    };
    const problem = describeBookingError(apiError(409, 'version_conflict', { current }), { tr: english });
    expect(problem.message).toMatch(/^Someone else has just changed this booking/);
    expect(problem.current?.version).toBe(7);
  });

  it('names the field of a validation failure as the form does, and keeps the server detail', () => {
    const problem = describeBookingError(apiError(400, 'validation_failed', { field: '/recurrence/rrule' }), { tr: zh });
    expect(problem.field).toBe('recurrence');
    expect(problem.message).toBe('请检查「重复」。');
    expect(problem.detail).toBe('server says validation_failed');
    expect(describeBookingError(apiError(400, 'validation_failed', { field: 'end' }), { tr: english }).message).toBe('Check “Ends”.');
    expect(describeBookingError(apiError(400, 'validation_failed'), { tr: english }).message).toBe('Something in the form is not right.');
    expect(formField('body.expectedCount')).toBe('expectedCount');
    expect(formField('/recurrence/exdates/0')).toBe('recurrence');
    expect(formField(undefined)).toBeNull();
  });

  it('translates the other refusals, and passes on what it does not know', () => {
    expect(describeBookingError(apiError(403, 'forbidden'), { tr: zh }).message).toBe('你没有权限修改此场馆的预订。');
    expect(describeBookingError(apiError(404, 'not_found'), { tr: english }).message).toMatch(/no longer exists/);
    expect(describeBookingError(apiError(413, 'payload_too_large'), { tr: english }).message).toMatch(/^Too long/);
    expect(describeBookingError(apiError(429, 'rate_limited'), { tr: english }).message).toBe('server says rate_limited');
    expect(describeBookingError(new NetworkError('down'), { tr: zh })).toMatchObject({ code: 'network', message: zhCN['common.networkError'] });
    expect(describeBookingError(new Error('boom'), { tr: english }).message).toBe(en['common.unexpected']);
  });
});
