import { describe, expect, it } from 'vitest';
import { instantToZoned } from '../../shared/zoned-time.ts';
import { expandSeries, formatRRule, parseRRule, type ExpandSeriesInput, type Occurrence, type RRule } from './recurrence.ts';

function rule(text: string): RRule {
  const parsed = parseRRule(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
}

function expand(text: string, input: Partial<ExpandSeriesInput> & { startDate: string }): Occurrence[] {
  const result = expandSeries({
    startTime: '09:00',
    durationMinutes: 90,
    timeZone: 'Asia/Shanghai',
    maxOccurrences: 500,
    rrule: rule(text),
    ...input,
  });
  if (!result.ok) throw new Error(result.message);
  return result.occurrences;
}

const dates = (occurrences: Occurrence[]): string[] => occurrences.map((o) => o.occurrenceDate);

function refusal(text: string): string {
  const parsed = parseRRule(text);
  if (parsed.ok) throw new Error(`"${text}" was accepted`);
  return parsed.message;
}

describe('parseRRule', () => {
  it('parses the supported parts, with or without the RRULE: prefix, in any case', () => {
    expect(rule('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630')).toEqual({
      freq: 'WEEKLY', interval: 1, count: null, until: { kind: 'date', date: '2026-06-30' },
      byDay: [{ weekday: 2, ordinal: null }, { weekday: 4, ordinal: null }], byMonthDay: [], wkst: 1,
    });
    expect(rule('freq=monthly;byday=2tu,-1FR;interval=2;count=6;wkst=su')).toMatchObject({
      freq: 'MONTHLY', interval: 2, count: 6, byDay: [{ weekday: 2, ordinal: 2 }, { weekday: 5, ordinal: -1 }], wkst: 7,
    });
    expect(rule('FREQ=MONTHLY;BYMONTHDAY=1,-1;UNTIL=20261231T155959Z').until).toEqual({
      kind: 'instant', instant: new Date('2026-12-31T15:59:59Z'),
    });
  });

  it('formats a rule back into its canonical text', () => {
    expect(formatRRule(rule('RRULE:byday=TU,TH;Until=20260630;FREQ=weekly;WKST=MO'))).toBe('FREQ=WEEKLY;UNTIL=20260630;BYDAY=TU,TH');
    for (const text of [
      'FREQ=WEEKLY;UNTIL=20260630;BYDAY=TU,TH',
      'FREQ=MONTHLY;INTERVAL=2;COUNT=6;BYDAY=2TU,-1FR;WKST=SU',
      'FREQ=DAILY;UNTIL=20261231T155959Z;BYMONTHDAY=1,-1',
    ]) {
      expect(formatRRule(rule(text))).toBe(text);
    }
  });

  it('refuses malformed rules, saying which part is wrong', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('RRULE:')).toMatch(/empty/);
    expect(refusal('FREQ=YEARLY;COUNT=3')).toMatch(/FREQ=YEARLY is not supported.*DAILY, WEEKLY or MONTHLY/);
    expect(refusal('FREQ=FORTNIGHTLY;COUNT=3')).toMatch(/FREQ=FORTNIGHTLY is not a frequency/);
    expect(refusal('BYDAY=MO;COUNT=3')).toMatch(/FREQ is missing/);
    expect(refusal('FREQ=WEEKLY;BYDAY=XX;COUNT=3')).toMatch(/BYDAY: "XX" is not a day/);
    expect(refusal('FREQ=WEEKLY;BYDAY=2TU;COUNT=3')).toMatch(/needs FREQ=MONTHLY.*write just TU/);
    expect(refusal('FREQ=MONTHLY;BYDAY=6TU;COUNT=3')).toMatch(/BYDAY: the position/);
    expect(refusal('FREQ=WEEKLY;UNTIL=2026-13-01')).toMatch(/UNTIL="2026-13-01" is not a date.*YYYYMMDD/);
    expect(refusal('FREQ=WEEKLY;UNTIL=20261301')).toMatch(/UNTIL="20261301" is not a date/);
    expect(refusal('FREQ=WEEKLY;UNTIL=20260630T090000')).toMatch(/no Z/);
    expect(refusal('FREQ=WEEKLY;INTERVAL=0;COUNT=3')).toMatch(/INTERVAL must be .* 1 to 52.*"0"/);
    expect(refusal('FREQ=WEEKLY;INTERVAL=53;COUNT=3')).toMatch(/INTERVAL/);
    expect(refusal('FREQ=WEEKLY;COUNT=0')).toMatch(/COUNT must be/);
    expect(refusal('FREQ=WEEKLY;COUNT=ten')).toMatch(/COUNT must be/);
    expect(refusal('FREQ=WEEKLY;COUNT=10;UNTIL=20260630')).toMatch(/either COUNT .* or UNTIL/);
    expect(refusal('FREQ=MONTHLY;BYMONTHDAY=32;COUNT=3')).toMatch(/BYMONTHDAY: "32"/);
    expect(refusal('FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3')).toMatch(/BYMONTHDAY: "0"/);
    expect(refusal('FREQ=WEEKLY;BYMONTHDAY=3;COUNT=3')).toMatch(/BYMONTHDAY cannot be used with FREQ=WEEKLY/);
    expect(refusal('FREQ=WEEKLY;BYMONTH=3;COUNT=3')).toMatch(/BYMONTH is not supported/);
    expect(refusal('FREQ=WEEKLY;COLOUR=RED')).toMatch(/"COLOUR" is not a part/);
    expect(refusal('FREQ=WEEKLY;COUNT')).toMatch(/"COUNT" is not a NAME=VALUE part/);
    expect(refusal('FREQ=WEEKLY;COUNT=')).toMatch(/COUNT has no value/);
    expect(refusal('FREQ=WEEKLY;FREQ=DAILY;COUNT=2')).toMatch(/FREQ is given twice/);
    expect(refusal('FREQ=WEEKLY;WKST=XY;COUNT=2')).toMatch(/WKST=XY is not a day/);
    expect(refusal(`FREQ=WEEKLY;BYDAY=${'X'.repeat(100_000)}`).length).toBeLessThan(300);
  });
});

describe('expandSeries', () => {
  it('expands a Tuesday/Thursday 09:00–10:30 spring-term class in Shanghai by COUNT', () => {
    const occurrences = expand('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=32', { startDate: '2026-03-03' });
    expect(occurrences).toHaveLength(32);
    expect(occurrences[0]).toEqual({
      occurrenceDate: '2026-03-03', start: new Date('2026-03-03T01:00:00Z'), end: new Date('2026-03-03T02:30:00Z'),
    });
    expect(dates(occurrences).slice(0, 4)).toEqual(['2026-03-03', '2026-03-05', '2026-03-10', '2026-03-12']);
    expect(occurrences.at(-1)?.occurrenceDate).toBe('2026-06-18');
    for (const o of occurrences) expect(instantToZoned(o.start, 'Asia/Shanghai').time).toBe('09:00');
  });

  it('expands the same class by UNTIL, inclusive, starting on the first matching day after DTSTART', () => {
    // The term opens on Monday 2 March; the first class is Tuesday 3 March. UNTIL falls on a Tuesday.
    const occurrences = expand('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630', { startDate: '2026-03-02' });
    expect(occurrences).toHaveLength(35);
    expect(occurrences[0]?.occurrenceDate).toBe('2026-03-03');
    expect(occurrences.at(-1)?.occurrenceDate).toBe('2026-06-30');
    expect(occurrences.at(-1)?.end).toEqual(new Date('2026-06-30T02:30:00Z'));
  });

  it('compares a UTC UNTIL with each start instant, inclusively', () => {
    // 09:00 in Shanghai is 01:00Z.
    expect(dates(expand('FREQ=DAILY;UNTIL=20260305T010000Z', { startDate: '2026-03-03' }))).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(dates(expand('FREQ=DAILY;UNTIL=20260305T005959Z', { startDate: '2026-03-03' }))).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('keeps a weekly 09:00 Berlin class at 09:00 local across the March and October switches', () => {
    const occurrences = expand('FREQ=WEEKLY;UNTIL=20261102', { startDate: '2026-03-16', timeZone: 'Europe/Berlin' });
    expect(occurrences).toHaveLength(34);
    for (const o of occurrences) {
      expect(instantToZoned(o.start, 'Europe/Berlin')).toMatchObject({ time: '09:00', weekday: 1 });
      expect(o.end.getTime() - o.start.getTime()).toBe(90 * 60_000);
    }
    const at = (date: string): string | undefined => occurrences.find((o) => o.occurrenceDate === date)?.start.toISOString();
    expect(at('2026-03-23')).toBe('2026-03-23T08:00:00.000Z'); // CET, UTC+1
    expect(at('2026-03-30')).toBe('2026-03-30T07:00:00.000Z'); // CEST, UTC+2: one hour earlier in UTC
    expect(at('2026-10-19')).toBe('2026-10-19T07:00:00.000Z');
    expect(at('2026-10-26')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('moves an occurrence in the spring-forward gap forward by the gap', () => {
    const occurrences = expand('FREQ=DAILY;COUNT=3', { startDate: '2026-03-28', startTime: '02:30', timeZone: 'Europe/Berlin' });
    expect(occurrences.map((o) => instantToZoned(o.start, 'Europe/Berlin').time)).toEqual(['02:30', '03:30', '02:30']);
    expect(dates(occurrences)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('expands monthly on the last Friday and the second Tuesday', () => {
    // 1 January 2026 is a Thursday, so it is not itself an occurrence.
    expect(dates(expand('FREQ=MONTHLY;BYDAY=-1FR;COUNT=4', { startDate: '2026-01-01' }))).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24',
    ]);
    expect(dates(expand('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260531', { startDate: '2026-01-13' }))).toEqual([
      '2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12',
    ]);
    // The fifth Tuesday exists only in some months; the others are skipped.
    expect(dates(expand('FREQ=MONTHLY;BYDAY=5TU;COUNT=2', { startDate: '2026-01-01' }))).toEqual(['2026-03-31', '2026-06-30']);
  });

  it('skips months without the 31st, as RFC 5545 does', () => {
    const expected = ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31'];
    expect(dates(expand('FREQ=MONTHLY;BYMONTHDAY=31;COUNT=5', { startDate: '2026-01-31' }))).toEqual(expected);
    expect(dates(expand('FREQ=MONTHLY;COUNT=5', { startDate: '2026-01-31' }))).toEqual(expected);
    expect(dates(expand('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', { startDate: '2026-01-15' }))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    // BYDAY limits BYMONTHDAY: Friday the 13th.
    expect(dates(expand('FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=2', { startDate: '2026-01-01' }))).toEqual(['2026-02-13', '2026-03-13']);
  });

  it('counts INTERVAL=2 in weeks from the start’s week', () => {
    // Start Wednesday 4 March: Monday 2 March is before the start; the next counted week begins 16 March.
    expect(dates(expand('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=4', { startDate: '2026-03-04' }))).toEqual([
      '2026-03-04', '2026-03-16', '2026-03-18', '2026-03-30',
    ]);
    expect(dates(expand('FREQ=DAILY;INTERVAL=3;COUNT=3', { startDate: '2026-02-27' }))).toEqual(['2026-02-27', '2026-03-02', '2026-03-05']);
    // Every other month from April: April and June have no 31st.
    expect(dates(expand('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31;COUNT=3', { startDate: '2026-04-30' }))).toEqual(['2026-08-31', '2026-10-31', '2026-12-31']);
  });

  it('honours WKST (RFC 5545 examples)', () => {
    expect(dates(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', { startDate: '1997-08-05' }))).toEqual([
      '1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24',
    ]);
    expect(dates(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', { startDate: '1997-08-05' }))).toEqual([
      '1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31',
    ]);
  });

  it('removes exdates, which still count toward COUNT', () => {
    const withHolidays = expand('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=32', { startDate: '2026-03-03', exdates: ['2026-04-30', '2026-05-05', '2026-12-25'] });
    expect(withHolidays).toHaveLength(30);
    expect(dates(withHolidays)).not.toContain('2026-04-30');
    expect(dates(withHolidays)).not.toContain('2026-05-05');
    expect(withHolidays.at(-1)?.occurrenceDate).toBe('2026-06-18');
    expect(dates(expand('FREQ=DAILY;COUNT=2', { startDate: '2026-03-03', exdates: ['2026-03-03'] }))).toEqual(['2026-03-04']);
  });

  it('returns nothing when UNTIL comes before the start', () => {
    expect(expand('FREQ=WEEKLY;UNTIL=20260101', { startDate: '2026-03-03' })).toEqual([]);
  });

  it('refuses a rule without an end', () => {
    const result = expandSeries({ startDate: '2026-03-03', startTime: '09:00', durationMinutes: 60, rrule: rule('FREQ=WEEKLY;BYDAY=TU'), timeZone: 'Asia/Shanghai', maxOccurrences: 500 });
    expect(result).toMatchObject({ ok: false, code: 'unbounded' });
    if (!result.ok) expect(result.message).toMatch(/UNTIL.*COUNT/);
  });

  it('refuses too many occurrences, saying how many', () => {
    const base = { startDate: '2026-03-03', startTime: '09:00', durationMinutes: 60, timeZone: 'Asia/Shanghai', maxOccurrences: 500 };
    const daily = expandSeries({ ...base, rrule: rule('FREQ=DAILY;UNTIL=20271231') });
    expect(daily).toMatchObject({ ok: false, code: 'too_many' });
    if (!daily.ok) expect(daily.message).toMatch(/makes 669 bookings; at most 500/);
    const huge = expandSeries({ ...base, rrule: rule('FREQ=DAILY;COUNT=999999999') });
    expect(huge).toMatchObject({ ok: false, code: 'too_many' });
    if (!huge.ok) expect(huge.message).toMatch(/more than 5000/);
    expect(expandSeries({ ...base, rrule: rule('FREQ=DAILY;COUNT=500') })).toMatchObject({ ok: true });
  });

  it('refuses a series that runs more than two years from its first date, naming the date', () => {
    const base = { startDate: '2026-03-03', startTime: '09:00', durationMinutes: 60, timeZone: 'Asia/Shanghai', maxOccurrences: 400 };
    // Few occurrences, far apart: the count is fine, the span is not.
    const sparse = expandSeries({ ...base, rrule: rule('FREQ=MONTHLY;INTERVAL=52;COUNT=400') });
    expect(sparse).toMatchObject({ ok: false, code: 'too_far' });
    if (!sparse.ok) expect(sparse.message).toMatch(/reaches 2030-07-03, more than 731 days .* after the first date 2026-03-03/);
    const untilFar = expandSeries({ ...base, rrule: rule('FREQ=MONTHLY;UNTIL=20400101') });
    expect(untilFar).toMatchObject({ ok: false, code: 'too_far' });
    // Two years to the day is still allowed (731 days covers a leap day); one week more is not.
    expect(expandSeries({ ...base, rrule: rule('FREQ=WEEKLY;UNTIL=20280303') })).toMatchObject({ ok: true });
    expect(expandSeries({ ...base, rrule: rule('FREQ=WEEKLY;UNTIL=20280310') })).toMatchObject({ ok: false, code: 'too_far' });
    // An excluded date past the span does not count; the limit can be set per call.
    expect(expandSeries({ ...base, rrule: rule('FREQ=MONTHLY;COUNT=3'), maxSpanDays: 40 })).toMatchObject({ ok: false, code: 'too_far' });
    expect(expandSeries({ ...base, rrule: rule('FREQ=MONTHLY;COUNT=3'), maxSpanDays: 40, exdates: ['2026-05-03'] })).toMatchObject({ ok: true });
    // Too many stays the message when both apply: it is the one that says how many.
    expect(expandSeries({ ...base, rrule: rule('FREQ=DAILY;COUNT=999999999') })).toMatchObject({ ok: false, code: 'too_many' });
  });

  it('stops on a rule that can never match instead of looping', () => {
    // Every 12 months from April, on the 31st: April never has one.
    expect(expand('FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31;COUNT=3', { startDate: '2026-04-01' })).toEqual([]);
    expect(expand('FREQ=DAILY;INTERVAL=7;BYDAY=MO;COUNT=3', { startDate: '2026-03-03' })).toEqual([]);
  });

  it('throws on malformed input the caller should have validated', () => {
    const base = { startDate: '2026-03-03', startTime: '09:00', durationMinutes: 60, rrule: rule('FREQ=DAILY;COUNT=2'), timeZone: 'Asia/Shanghai', maxOccurrences: 10 };
    expect(() => expandSeries({ ...base, startDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => expandSeries({ ...base, startTime: '25:00' })).toThrow(RangeError);
    expect(() => expandSeries({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => expandSeries({ ...base, timeZone: 'Nowhere/Land' })).toThrow(RangeError);
    expect(() => expandSeries({ ...base, exdates: ['20260303'] })).toThrow(RangeError);
  });
});
