import { describe, expect, it } from 'vitest';
import { initialTermFields, termBody, wholeNumber, withPayDeadline, withRenewal, type TermFields } from './term-form.ts';

const ZONE = 'Asia/Shanghai';
const filled = (over: Partial<TermFields> = {}): TermFields => ({
  ...initialTermFields('2027-02-01'),
  name: '2027 年春季学期',
  applyFromDate: '2027-02-10',
  applyFromTime: '08:30',
  applyUntilDate: '2027-02-20',
  applyUntilTime: '17:00',
  ...over,
});

describe('the new-term form', () => {
  it('starts tomorrow for two weeks with the server’s defaults', () => {
    const f = initialTermFields('2027-02-01');
    expect([f.applyFromDate, f.applyUntilDate]).toEqual(['2027-02-02', '2027-02-16']);
    expect([f.classesPerMember, f.choicesPerApplication, f.offerHours, f.mode]).toEqual([2, 3, 48, 'lottery']);
  });

  it('sends the venue’s wall clock as instants', () => {
    const result = termBody(filled({ priorityCategories: ['veteran'] }), 'v1', ZONE);
    expect(result).toEqual({
      ok: true,
      body: {
        venueId: 'v1',
        name: '2027 年春季学期',
        mode: 'lottery',
        applyFrom: '2027-02-10T00:30:00.000Z',
        applyUntil: '2027-02-20T09:00:00.000Z',
        classesPerMember: 2,
        choicesPerApplication: 3,
        priorityCategories: ['veteran'],
        offerHours: 48,
      },
    });
  });

  it('sends the renewal window and the payment deadline only when switched on', () => {
    const on = withPayDeadline(withRenewal(filled(), true), true);
    expect([on.renewFromDate, on.renewUntilDate, on.payUntilDate]).toEqual(['2027-02-03', '2027-02-09', '2027-02-27']);
    const result = termBody(on, 'v1', ZONE);
    expect(result.ok && result.body).toMatchObject({ renewFrom: '2027-02-03T00:30:00.000Z', renewUntil: '2027-02-09T09:00:00.000Z', payUntil: '2027-02-27T09:00:00.000Z' });
    const off = termBody(withRenewal(on, false), 'v1', ZONE);
    expect(off.ok && 'renewFrom' in off.body).toBe(false);
  });

  it('gives a first-come term no priority', () => {
    const result = termBody(filled({ mode: 'first_come', priorityCategories: ['leader'] }), 'v1', ZONE);
    expect(result.ok && result.body.priorityCategories).toEqual([]);
  });

  it('names each field that is wrong', () => {
    const result = termBody(
      filled({
        name: '  ',
        applyUntilDate: '2027-02-09',
        renewal: true,
        renewFromDate: '2027-02-05',
        renewUntilDate: '2027-02-12',
        classesPerMember: 3,
        choicesPerApplication: 2,
        offerHours: 0,
        payDeadline: true,
        payUntilDate: '2027-02-01',
      }),
      'v1',
      ZONE,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:required',
      'applyUntil:notAfterStart',
      'renewUntil:renewalOverlaps',
      'choicesPerApplication:fewerChoicesThanClasses',
      'offerHours:outOfRange',
      'payUntil:payBeforeClose',
    ]);
  });

  it('refuses a date that does not exist', () => {
    const result = termBody(filled({ applyFromDate: '2027-02-30' }), 'v1', ZONE);
    expect(!result.ok && result.problems).toContainEqual({ field: 'applyFrom', code: 'badTime' });
  });

  it('reads whole numbers from number and text inputs', () => {
    expect(wholeNumber(3, 1, 10)).toBe(3);
    expect(wholeNumber(' 4 ', 1, 10)).toBe(4);
    expect(wholeNumber('2.5', 1, 10)).toBeNull();
    expect(wholeNumber(null, 1, 10)).toBeNull();
    expect(wholeNumber(11, 1, 10)).toBeNull();
  });
});
