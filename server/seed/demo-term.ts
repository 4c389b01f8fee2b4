/**
 * The demo's senior-university term: applications open now (opened three days ago, close in four), eight classes
 * whose weekly sessions are on the calendar from the week after the draw, and some hundred applications from demo
 * members, so that a new user sees a live seat board, oversubscribed classes and a draw to run. The class times
 * are chosen where the demo calendar (demo-bookings.ts) leaves the rooms free.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addDays, localDateOf, weekdayOf, zonedToInstant } from '../shared/zoned-time.ts';
import { insertBookings, insertSeries } from '../modules/bookings/queries.ts';
import { expandSeries, formatRRule, parseRRule } from '../modules/bookings/recurrence.ts';
import { ineligibility } from '../modules/enrolment/eligibility.ts';
import { newTermSecret } from '../modules/enrolment/terms.ts';
import { insertApplication, insertClass, insertTerm } from '../modules/enrolment/queries.ts';
import { demoMembersForTerm } from './queries.ts';

interface DemoClass {
  course: string;
  name: string;
  teacher: string;
  room: string;
  /** BYDAY of the weekly session. */
  day: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA';
  time: string;
  minutes: number;
  capacity: number;
  feeYuan: number;
  ages?: { female: number; male: number; max: number };
}

const CLASSES: DemoClass[] = [
  { course: '书法', name: '楷书入门班', teacher: '王志远', room: '书画室', day: 'WE', time: '09:00', minutes: 90, capacity: 30, feeYuan: 300, ages: { female: 50, male: 55, max: 80 } },
  { course: '国画', name: '花鸟画班', teacher: '李秀兰', room: '书画室', day: 'FR', time: '09:00', minutes: 120, capacity: 24, feeYuan: 350 },
  { course: '篆刻', name: '篆刻兴趣班', teacher: '陈金石', room: '书画室', day: 'TH', time: '14:30', minutes: 90, capacity: 16, feeYuan: 280 },
  { course: '声乐', name: '声乐基础班', teacher: '赵丽华', room: '声乐教室', day: 'MO', time: '14:30', minutes: 90, capacity: 40, feeYuan: 260 },
  { course: '舞蹈', name: '形体舞蹈班', teacher: '孙晓梅', room: '舞蹈排练厅', day: 'TU', time: '14:30', minutes: 90, capacity: 30, feeYuan: 260 },
  { course: '太极', name: '二十四式太极拳班', teacher: '周建国', room: '舞蹈排练厅', day: 'TH', time: '09:00', minutes: 90, capacity: 40, feeYuan: 200 },
  { course: '智能手机', name: '手机摄影与视频班', teacher: '刘晨', room: '阅览室', day: 'WE', time: '14:30', minutes: 90, capacity: 30, feeYuan: 200 },
  { course: '智能手机', name: '智能手机入门班', teacher: '刘晨', room: '阅览室', day: 'FR', time: '14:30', minutes: 90, capacity: 30, feeYuan: 150 },
];

const APPLICANTS = 140;
const WEEKS = 16;

export async function seedDemoTerm(trx: Transaction<DB>, venue: { id: string; timezone: string }, rooms: ReadonlyMap<string, string>, createdBy: string | null): Promise<number> {
  const zone = venue.timezone;
  const today = localDateOf(new Date(), zone);
  const applyFrom = zonedToInstant(addDays(today, -3), '08:00', zone);
  const applyUntil = zonedToInstant(addDays(today, 4), '17:00', zone);
  // Classes begin the Monday after the week the window closes, and the fees are due a week after the close.
  const closeDay = addDays(today, 4);
  const firstMonday = addDays(closeDay, 8 - weekdayOf(closeDay));
  const termId = await insertTerm(trx, {
    venueId: venue.id,
    name: `${firstMonday.slice(0, 4)} 年春季学期`,
    mode: 'lottery',
    renewFrom: null,
    renewUntil: null,
    applyFrom: applyFrom.toISOString(),
    applyUntil: applyUntil.toISOString(),
    classesPerMember: 2,
    choicesPerApplication: 3,
    priorityCategories: ['veteran'],
    offerHours: 48,
    payUntil: zonedToInstant(addDays(closeDay, 7), '17:00', zone).toISOString(),
    ...newTermSecret(),
    createdBy,
  });

  const classIds: string[] = [];
  for (const c of CLASSES) {
    const roomId = rooms.get(c.room);
    if (!roomId) continue;
    const parsed = parseRRule(`FREQ=WEEKLY;BYDAY=${c.day};COUNT=${WEEKS}`);
    if (!parsed.ok) throw new Error(parsed.message);
    const expanded = expandSeries({ startDate: firstMonday, startTime: c.time, durationMinutes: c.minutes, rrule: parsed.rule, timeZone: zone, maxOccurrences: 400 });
    if (!expanded.ok) throw new Error(expanded.message);
    const title = `${c.course} · ${c.name}`;
    const series = await insertSeries(trx, {
      venueId: venue.id, roomId, title, kind: 'class', rrule: formatRRule(parsed.rule), timezone: zone,
      startDate: firstMonday, startTime: c.time, durationMinutes: c.minutes, exdates: [], createdBy,
    });
    await insertBookings(
      trx,
      expanded.occurrences.map((o) => ({
        venueId: venue.id, roomId, start: o.start, end: o.end, title, kind: 'class' as const, expectedCount: c.capacity,
        notes: null, seriesId: series.id, occurrenceDate: o.occurrenceDate, createdBy,
      })),
    );
    const first = expanded.occurrences[0]!;
    classIds.push(
      await insertClass(trx, {
        termId, name: c.name, course: c.course, teacher: c.teacher, level: null, feeCents: c.feeYuan * 100, roomId, seriesId: series.id,
        firstStart: first.start, firstEnd: first.end, rrule: formatRRule(parsed.rule), capacity: c.capacity,
        minAgeFemale: c.ages?.female ?? null, minAgeMale: c.ages?.male ?? null, maxAge: c.ages?.max ?? null, categories: null, continuesClassId: null,
      }),
    );
  }

  // Popular classes first in most people's lists: calligraphy, dance and the phone classes fill several times over.
  const popularity = [5, 2, 1, 3, 5, 2, 4, 3];
  const weighted = classIds.flatMap((id, i) => Array.from({ length: popularity[i] ?? 1 }, () => id));
  const members = await demoMembersForTerm(trx, APPLICANTS);
  let made = 0;
  for (const [n, member] of members.entries()) {
    const choices: string[] = [];
    for (let k = 0; choices.length < 3 && k < 12; k += 1) {
      const id = weighted[(n * 7 + k * 5 + (n % 3)) % weighted.length]!;
      const c = CLASSES[classIds.indexOf(id)]!;
      const rules = { minAgeFemale: c.ages?.female ?? null, minAgeMale: c.ages?.male ?? null, maxAge: c.ages?.max ?? null, categories: null };
      if (!choices.includes(id) && !ineligibility(member, rules, firstMonday)) choices.push(id);
    }
    if (choices.length === 0) continue;
    await insertApplication(trx, { termId, memberId: member.id, choices: choices.slice(0, 1 + (n % 3)), idempotencyKey: randomUUID(), channel: n % 4 === 0 ? 'kiosk' : n % 4 === 1 ? 'home' : 'desk' });
    made += 1;
  }
  return made;
}
