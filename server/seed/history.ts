/**
 * `npm run seed -- --years N`: invented activity of a whole city for benchmarks, demos and the reports
 * (docs/guide-reports.md): the city centre and a centre in every county (history-plan.ts), a register of members in the
 * domain's proportions, terms of weekly classes with their attendance, lectures, exhibitions, everyday
 * drop-ins with seasons (Chinese New Year, summer, weekends, morning peaks), guests, moves between rooms,
 * the odd evening past midnight, and finished tournaments with their matches, at docs/domain.md's yearly scale
 * (about 120,000 person-visits and 1,200 matches a year at scale 1).
 *
 * It writes in bulk: every step is one INSERT … SELECT (history-queries.ts, history-tournament-queries.ts),
 * all in one write (one transaction), so a failed run leaves nothing behind. The history ends on the Sunday before the current
 * week, so it never meets the demo calendar (which starts this week). It refuses a database that already
 * has visits or matches unless `append` is set: then it adds another layer of history over the same years
 * (more members, more visits), skipping any booking that would clash with one already there.
 */
import type { Kysely } from 'kysely';
import type { DB, MemberCategory } from '../db/schema.ts';
import { addDays, localDateOf, weekdayOf } from '../shared/zoned-time.ts';
import { reading } from '../modules/reports/queries.ts';
import { write } from '../realtime/write.ts';
import { rollUpMonths } from '../modules/reports/rollup-queries.ts';
import { namePinyin } from '../modules/members/pinyin.ts';
import { insertRoom, insertVenue } from '../modules/venues/queries.ts';
import { cardCodes, demoMembers } from './demo-members.ts';
import { CATEGORY_SHARES, HISTORY_VENUES, type HistoryVenue, newYearBreaks, YEARLY } from './history-plan.ts';
import {
  assignMembers,
  countActivity,
  countVisits,
  createScratchTables,
  findVenueByName,
  insertAttendance,
  insertBookings,
  insertDropIns,
  insertMembersInBulk,
  vacuumAnalyze,
  type YearWindow,
} from './history-queries.ts';
import { insertTournaments } from './history-tournament-queries.ts';

export interface HistoryOptions {
  years: number;
  /** Instead of `years`: this many months back (the demo's first start: a few months, quickly). */
  months?: number;
  /** The centres to fill (default: the whole city, HISTORY_VENUES). */
  venues?: readonly HistoryVenue[];
  /** Scale of class attendance when it differs from `scale` (the small demo city still fills its classes). */
  attendanceScale?: number;
  /** Member numbers and card codes start with this (default: "H" and the time, unique per run). */
  codePrefix?: string;
  /** 1 = docs/domain.md's city; 0.01 makes a tiny city for tests. */
  scale: number;
  append: boolean;
  /** PostgreSQL's setseed() for the generator's random(). Runs with one seed are alike, not identical: parallel workers draw their own. */
  seed: number;
  /** Zone of venues the generator creates. */
  timezone: string;
  now?: Date;
  log?: (line: string) => void;
}

export interface HistorySummary {
  from: string;
  to: string;
  venues: number;
  members: number;
  bookings: number;
  visits: number;
  tournaments: number;
  matches: number;
  seconds: number;
}

export class HistoryRefused extends Error {
  override name = 'HistoryRefused';
}

/** The calendar years of [from, to], each clipped to the window. */
export function yearWindows(from: string, to: string): YearWindow[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const out: YearWindow[] = [];
  for (let year = first; year <= last; year += 1) {
    const a = `${year}-01-01` < from ? from : `${year}-01-01`;
    const b = `${year}-12-31` > to ? to : `${year}-12-31`;
    out.push({ year, from: a, to: b, breaks: newYearBreaks([year, year + 1]) });
  }
  return out;
}

/** From N years (or `months` months) back to the Sunday before the current week, in local dates of `timezone`. */
export function historyWindow(years: number, timezone: string, now: Date, months?: number): { from: string; to: string } {
  const today = localDateOf(now, timezone);
  const to = addDays(today, -weekdayOf(today));
  if (months !== undefined) {
    const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - months;
    const start = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    return { from: start, to };
  }
  const from = addDays(`${Number(to.slice(0, 4)) - years}${to.slice(4)}`, 1);
  return { from, to };
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;

function categories(count: number): MemberCategory[] {
  const out: MemberCategory[] = [];
  for (let i = 0; i < count; i += 1) {
    const x = (i + 0.5) / count;
    let acc = 0;
    out.push(CATEGORY_SHARES.find((c) => (acc += c.share) > x)?.category ?? 'other');
  }
  return out;
}

export async function seedHistory(db: Kysely<DB>, options: HistoryOptions): Promise<HistorySummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const existing = await countActivity(db);
  if ((existing.visits > 0 || existing.matches > 0) && !options.append) {
    throw new HistoryRefused(
      `This database already has activity (${existing.visits} visits, ${existing.matches} matches); invented history would mix with it. ` +
        'Seed an empty database, or pass --append to add another layer of history over the same years.',
    );
  }
  const { from, to } = historyWindow(options.years, options.timezone, options.now ?? new Date(), options.months);
  const summary: HistorySummary = { from, to, venues: 0, members: 0, bookings: 0, visits: 0, tournaments: 0, matches: 0, seconds: 0 };

  await write(db, async ({ trx }) => {
    const venues: Array<{ id: string; weight: number }> = [];
    for (const v of options.venues ?? HISTORY_VENUES) {
      let row = await findVenueByName(trx, v.name);
      if (!row) {
        row = await insertVenue(trx, { name: v.name, timezone: options.timezone, opensAt: v.opensAt, closesAt: v.closesAt });
        for (const room of v.rooms) await insertRoom(trx, { ...room, venueId: row.id });
      }
      venues.push({ id: row.id, weight: v.weight });
    }
    summary.venues = venues.length;

    const count = Math.max(12, Math.round(YEARLY.members * options.scale));
    const prefix = options.codePrefix ?? `H${Date.now().toString(36).toUpperCase()}-`;
    const kinds = categories(count);
    // Written in one statement, not through insertMembers, so the readings the kiosk's name search uses
    // (pinyin and initials) are written here too: a member without them cannot find themselves by "zjg".
    // Member numbers in order (the ledger's own numbering; staff only), card codes not (demo-members.ts): one card
    // must not tell the next. Both keep the prefix, so the demo's cards still start with QJ2025.
    const cards = cardCodes(count, options.seed ^ 0xc0de, prefix, 6);
    const people = demoMembers(count, options.seed).map((m, i) => ({
      ...m,
      ...namePinyin(m.name),
      category: kinds[i]!,
      code: `${prefix}${String(i + 1).padStart(5, '0')}`,
      card: cards[i]!,
    }));
    await insertMembersInBulk(trx, people, from);
    summary.members = count;
    await createScratchTables(trx, venues, (options.seed % 1000) / 1000);
    await assignMembers(trx, prefix, Object.fromEntries(CATEGORY_SHARES.map((c) => [c.category, c.activity])));

    const windows = yearWindows(from, to);
    for (const [index, w] of windows.entries()) {
      const t = performance.now();
      const share = daysBetween(w.from, w.to) / 365;
      // A city that grows a little every year: 88 % of the scale in the first year, about 110 % in the tenth.
      const trend = 0.88 + (0.24 * index) / Math.max(1, windows.length - 1);
      const target = Math.round(YEARLY.visits * options.scale * share * trend);
      const round = (x: number) => Math.max(share >= 0.5 ? 1 : 0, Math.round(x * options.scale * share));
      summary.bookings += await insertBookings(trx, w, round(YEARLY.lectures), round(YEARLY.exhibitions));
      const attended = await insertAttendance(trx, options.attendanceScale ?? options.scale);
      const dropIns = await insertDropIns(trx, w, Math.max(0, target - attended));
      const [tournaments, matches] = await insertTournaments(trx, w, round(YEARLY.matches / 29));
      summary.tournaments += tournaments;
      summary.matches += matches;
      log(`${w.year}: ${attended} person-visits to activities, ${dropIns} drop-in visits, ${tournaments} tournaments, ${matches} matches (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    summary.visits = (await countVisits(trx)) - existing.visits;
  });
  // Fresh statistics (and, for index-only scans, the visibility map) for what was just written.
  for (const table of ['members', 'visits', 'bookings', 'booking_series', 'tournaments', 'participants', 'matches']) {
    await vacuumAnalyze(db, table);
  }
  // Roll up every month that is over (the reports would on first use): ten years take a few seconds.
  const rolled = performance.now();
  await reading(db, (trx) => rollUpMonths(trx, 'all', `${from.slice(0, 7)}-01`, addDays(`${to.slice(0, 7)}-01`, 40).slice(0, 7) + '-01'));
  await vacuumAnalyze(db, 'report_member_months');
  log(`monthly roll-up for the reports: ${((performance.now() - rolled) / 1000).toFixed(1)} s`);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
