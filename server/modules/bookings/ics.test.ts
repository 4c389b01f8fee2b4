import { describe, expect, it } from 'vitest';
import { buildCalendar, buildVTimezone, escapeText, foldLine, type CalendarEvent } from './ics.ts';

const stamp = new Date('2026-02-20T08:00:00Z');

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'booking-1@centre-ops',
    start: new Date('2026-03-03T01:00:00Z'),
    end: new Date('2026-03-03T02:30:00Z'),
    summary: '书法班',
    status: 'CONFIRMED',
    sequence: 0,
    created: new Date('2026-02-01T02:00:00Z'),
    lastModified: new Date('2026-02-02T03:04:05Z'),
    ...overrides,
  };
}

/** Content lines after unfolding (RFC 5545 §3.1: remove every CRLF followed by one space). */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

/** The lines of the first block BEGIN:name … END:name. */
function block(lines: string[], name: string): string[] {
  const from = lines.indexOf(`BEGIN:${name}`);
  const to = lines.indexOf(`END:${name}`, from);
  return lines.slice(from, to + 1);
}

/** No character split in half: a lone surrogate would not survive a UTF-8 round trip. */
const wellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

function expectWellFormed(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(text)).toBe(false); // CR and LF only as CRLF pairs
  for (const line of text.split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(wellFormed(line), line).toBe(true); // no character split in half
  }
}

describe('escapeText and foldLine', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops other controls', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\th\u0007i')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\th' + 'i');
    expect(escapeText('书法班，初级;高级,周二\n二楼')).toBe('书法班，初级\\;高级\\,周二\\n二楼');
  });

  it('folds at 75 octets without splitting a character', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    const chinese = `SUMMARY:${'老'.repeat(60)}`; // 8 + 180 octets
    const physical = foldLine(chinese).split('\r\n');
    expect(physical.map((l) => Buffer.byteLength(l))).toEqual([74, 73, 43]);
    expect(physical.slice(1).every((l) => l.startsWith(' ') && !l.startsWith('  '))).toBe(true);
    expect(foldLine(chinese).replace(/\r\n /g, '')).toBe(chinese);
    const emoji = `SUMMARY:${'🏓'.repeat(30)}`;
    for (const l of foldLine(emoji).split('\r\n')) {
      expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
      expect(wellFormed(l)).toBe(true);
    }
  });
});

describe('buildCalendar', () => {
  it('writes a well-formed calendar with the required properties', () => {
    const text = buildCalendar({ name: '一楼书画室', timeZone: 'Asia/Shanghai', events: [event()], stamp });
    expectWellFormed(text);
    const lines = unfold(text);
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//centre-ops//Room bookings//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:一楼书画室',
      'X-WR-TIMEZONE:Asia/Shanghai',
    ]);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(block(lines, 'VEVENT')).toEqual([
      'BEGIN:VEVENT',
      'UID:booking-1@centre-ops',
      'DTSTAMP:20260220T080000Z',
      'DTSTART;TZID=Asia/Shanghai:20260303T090000',
      'DTEND;TZID=Asia/Shanghai:20260303T103000',
      'SUMMARY:书法班',
      'STATUS:CONFIRMED',
      'SEQUENCE:0',
      'CREATED:20260201T020000Z',
      'LAST-MODIFIED:20260202T030405Z',
      'END:VEVENT',
    ]);
  });

  it('escapes and folds Chinese text with commas, semicolons and newlines, and unfolds to the same', () => {
    const summary = '老年大学书法班（春季），周二、周四;高级班,请带毛笔\n第二行：'.repeat(3);
    const description = '地点：二楼东侧;联系人,王老师\\李老师\r\n电话见通知';
    const text = buildCalendar({
      name: '活动中心, 一楼; 书画室', timeZone: 'Asia/Shanghai', productId: '-//测试//中心//ZH', stamp,
      events: [event({ summary, description, location: '二楼,东侧' })],
    });
    expectWellFormed(text);
    expect(text.split('\r\n').length).toBeGreaterThan(unfold(text).length + 1); // something was folded
    const lines = unfold(text);
    expect(lines).toContain(`SUMMARY:${summary.replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n')}`);
    expect(lines).toContain('DESCRIPTION:地点：二楼东侧\\;联系人\\,王老师\\\\李老师\\n电话见通知');
    expect(lines).toContain('LOCATION:二楼\\,东侧');
    expect(lines).toContain('X-WR-CALNAME:活动中心\\, 一楼\\; 书画室');
    expect(lines).toContain('PRODID:-//测试//中心//ZH');
  });

  it('gives Shanghai one STANDARD observance at +0800', () => {
    const lines = unfold(buildCalendar({ name: 'r', timeZone: 'Asia/Shanghai', events: [event()], stamp }));
    expect(block(lines, 'VTIMEZONE')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'X-LIC-LOCATION:Asia/Shanghai',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0800',
      'TZOFFSETTO:+0800',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('gives Berlin yearly DAYLIGHT and STANDARD observances, and local DTSTARTs on both sides of the switch', () => {
    const events = [
      event({ uid: 'a', start: new Date('2026-03-23T08:00:00Z'), end: new Date('2026-03-23T09:30:00Z') }),
      event({ uid: 'b', start: new Date('2026-03-30T07:00:00Z'), end: new Date('2026-03-30T08:30:00Z') }),
    ];
    const lines = unfold(buildCalendar({ name: 'Raum 1', timeZone: 'Europe/Berlin', events, stamp }));
    expect(block(lines, 'VTIMEZONE')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'X-LIC-LOCATION:Europe/Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(lines.filter((l) => l.startsWith('DTSTART;'))).toEqual([
      'DTSTART;TZID=Europe/Berlin:20260323T090000',
      'DTSTART;TZID=Europe/Berlin:20260330T090000',
    ]);
  });

  it('writes New York’s second-Sunday and first-Sunday rules', () => {
    const lines = buildVTimezone('America/New_York', 2026, 2026);
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(lines).toContain('TZOFFSETFROM:-0500');
    expect(lines).toContain('TZOFFSETTO:-0400');
  });

  it('writes irregular changes one observance each, and ends a rule that stopped with UNTIL', () => {
    // Shanghai kept daylight saving until 1991: spring changes on no fixed nth Sunday, autumn ones on the third.
    expect(buildVTimezone('Asia/Shanghai', 1990, 1992)).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'X-LIC-LOCATION:Asia/Shanghai',
      'BEGIN:DAYLIGHT', 'DTSTART:19890416T020000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0900', 'END:DAYLIGHT',
      'BEGIN:DAYLIGHT', 'DTSTART:19900415T020000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0900', 'END:DAYLIGHT',
      'BEGIN:DAYLIGHT', 'DTSTART:19910414T020000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0900', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:19890917T020000', 'RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=3SU;UNTIL=19910914T170000Z',
      'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0800', 'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    // São Paulo dropped daylight saving in 2019: 2020 is covered by the last change, in February 2019.
    expect(buildVTimezone('America/Sao_Paulo', 2020, 2020)).toEqual([
      'BEGIN:VTIMEZONE', 'TZID:America/Sao_Paulo', 'X-LIC-LOCATION:America/Sao_Paulo',
      'BEGIN:STANDARD', 'DTSTART:20190217T000000', 'TZOFFSETFROM:-0200', 'TZOFFSETTO:-0300', 'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('marks cancelled events and carries the sequence', () => {
    const lines = unfold(buildCalendar({
      name: 'r', timeZone: 'Asia/Shanghai', stamp,
      events: [event({ uid: 'x', status: 'CANCELLED', sequence: 3 }), event({ uid: 'y' })],
    }));
    const cancelled = block(lines, 'VEVENT');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:3');
    expect(lines.filter((l) => l === 'STATUS:CONFIRMED')).toHaveLength(1);
  });

  it('writes the second of two equal wall times (fall-back hour) in UTC so it is not misread', () => {
    const lines = unfold(buildCalendar({
      name: 'r', timeZone: 'Europe/Berlin', stamp,
      events: [event({ start: new Date('2026-10-25T00:30:00Z'), end: new Date('2026-10-25T01:30:00Z') })],
    }));
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20261025T023000'); // first 02:30 (CEST)
    expect(lines).toContain('DTEND:20261025T013000Z'); // second 02:30 (CET)
  });

  it('still has a VTIMEZONE when there are no events, and refuses bad events', () => {
    const lines = unfold(buildCalendar({ name: 'r', timeZone: 'Asia/Shanghai', events: [], stamp }));
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).not.toContain('BEGIN:VEVENT');
    expect(() => buildCalendar({ name: 'r', timeZone: 'Asia/Shanghai', stamp, events: [event({ end: new Date('2026-03-03T01:00:00Z') })] })).toThrow(RangeError);
    expect(() => buildCalendar({ name: 'r', timeZone: 'Asia/Shanghai', stamp, events: [event({ sequence: -1 })] })).toThrow(RangeError);
    expect(() => buildCalendar({ name: 'r', timeZone: 'Nowhere/Land', stamp, events: [event()] })).toThrow(RangeError);
  });
});
