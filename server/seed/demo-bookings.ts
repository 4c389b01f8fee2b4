/**
 * A believable calendar for the demo city centre: a term of senior-university classes (weekly series), daily
 * gateball practice, open table tennis, a lecture and a week-long calligraphy exhibition, from this week on.
 */
import type { Transaction } from 'kysely';
import type { BookingKind, DB } from '../db/schema.ts';
import { addDays, localDateOf, weekdayOf, zonedToInstant } from '../shared/zoned-time.ts';
import { insertBookings, insertSeries } from '../modules/bookings/queries.ts';
import { expandSeries, formatRRule, parseRRule } from '../modules/bookings/recurrence.ts';

interface DemoSeries {
  room: string;
  title: string;
  kind: BookingKind;
  days: string;
  time: string;
  minutes: number;
  expected: number;
}

const WEEKS = 16;

const SERIES: DemoSeries[] = [
  { room: '书画室', title: '老年大学 · 书法一班', kind: 'class', days: 'TU,TH', time: '09:00', minutes: 90, expected: 28 },
  { room: '书画室', title: '老年大学 · 国画班', kind: 'class', days: 'MO,WE', time: '14:30', minutes: 120, expected: 24 },
  { room: '舞蹈排练厅', title: '老年大学 · 民族舞班', kind: 'class', days: 'MO,WE', time: '09:00', minutes: 120, expected: 35 },
  { room: '舞蹈排练厅', title: '旗袍走秀队排练', kind: 'activity', days: 'FR', time: '15:00', minutes: 90, expected: 20 },
  { room: '声乐教室', title: '老年大学 · 合唱团', kind: 'class', days: 'TU,FR', time: '09:30', minutes: 120, expected: 40 },
  { room: '声乐教室', title: '花灯戏兴趣班', kind: 'class', days: 'TH', time: '14:30', minutes: 90, expected: 18 },
  { room: '门球场 A', title: '门球队训练', kind: 'activity', days: 'MO,TU,WE,TH,FR,SA', time: '08:00', minutes: 120, expected: 16 },
  { room: '乒乓球馆 1 号台', title: '乒乓球自由练习', kind: 'activity', days: 'MO,WE,FR', time: '15:00', minutes: 120, expected: 4 },
];

export async function seedDemoBookings(
  trx: Transaction<DB>,
  venue: { id: string; timezone: string },
  rooms: ReadonlyMap<string, string>,
  createdBy: string | null,
): Promise<number> {
  const today = localDateOf(new Date(), venue.timezone);
  const monday = addDays(today, 1 - weekdayOf(today));
  const until = addDays(monday, WEEKS * 7 - 1).replaceAll('-', '');
  let count = 0;

  for (const s of SERIES) {
    const roomId = rooms.get(s.room);
    if (!roomId) continue;
    const parsed = parseRRule(`FREQ=WEEKLY;BYDAY=${s.days};UNTIL=${until}`);
    if (!parsed.ok) throw new Error(parsed.message);
    const expanded = expandSeries({ startDate: monday, startTime: s.time, durationMinutes: s.minutes, rrule: parsed.rule, timeZone: venue.timezone, maxOccurrences: 400 });
    if (!expanded.ok) throw new Error(expanded.message);
    const series = await insertSeries(trx, {
      venueId: venue.id,
      roomId,
      title: s.title,
      kind: s.kind,
      rrule: formatRRule(parsed.rule),
      timezone: venue.timezone,
      startDate: monday,
      startTime: s.time,
      durationMinutes: s.minutes,
      exdates: [],
      createdBy,
    });
    const rows = await insertBookings(
      trx,
      expanded.occurrences.map((o) => ({
        venueId: venue.id,
        roomId,
        start: o.start,
        end: o.end,
        title: s.title,
        kind: s.kind,
        expectedCount: s.expected,
        notes: null,
        seriesId: series.id,
        occurrenceDate: o.occurrenceDate,
        createdBy,
      })),
    );
    count += rows.length;
  }

  const oneOffs: Array<{ room: string; title: string; kind: BookingKind; day: number; from: string; to: string; expected: number; lastDay?: number }> = [
    { room: '多功能报告厅', title: '健康讲座：老年人冬季养生', kind: 'lecture', day: 2, from: '15:00', to: '16:30', expected: 180 },
    { room: '多功能报告厅', title: '形势政策报告会', kind: 'lecture', day: 4, from: '09:30', to: '11:30', expected: 200 },
    { room: '书画展览厅', title: '迎新春书画作品展', kind: 'exhibition', day: 0, from: '09:00', to: '17:00', expected: 300, lastDay: 6 },
    { room: '棋牌室', title: '象棋友谊赛', kind: 'competition', day: 5, from: '09:00', to: '11:30', expected: 24 },
  ];
  const single = oneOffs.flatMap((b) => {
    const roomId = rooms.get(b.room);
    if (!roomId) return [];
    return [
      {
        venueId: venue.id,
        roomId,
        start: zonedToInstant(addDays(monday, b.day), b.from, venue.timezone),
        end: zonedToInstant(addDays(monday, b.lastDay ?? b.day), b.to, venue.timezone),
        title: b.title,
        kind: b.kind,
        expectedCount: b.expected,
        notes: null,
        seriesId: null,
        occurrenceDate: null,
        createdBy,
      },
    ];
  });
  count += (await insertBookings(trx, single)).length;
  return count;
}
