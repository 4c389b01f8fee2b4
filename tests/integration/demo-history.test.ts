/**
 * The demo's first start includes a few months of history (docs/guide-reports.md "演示数据里的历史记录"): a fresh start used
 * to have no visits, so the reports page was empty. The time it adds is printed (measured, not asserted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialiseOnFirstStart, type FirstStart } from '../../server/seed/first-start.ts';
import { createTestDatabase, storageAvailable } from '../support/database.ts';
import { signIn, startApp, type TestApp } from '../support/app.ts';

describe.runIf(storageAvailable)('the demo history of the first start', () => {
  let t: TestApp;
  let first: FirstStart;
  let admin: string;
  const now = new Date('2026-12-07T06:00:00Z');
  const get = async <T>(url: string): Promise<T> => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json() as T;
  };

  beforeAll(async () => {
    const { database, url } = await createTestDatabase();
    const started = performance.now();
    first = await initialiseOnFirstStart(database.db, { adminPassword: 'demo-history-pw', seedDemo: true, demoHistory: true, timezone: 'Asia/Shanghai', now });
    console.log(`first start with the demo and its history: ${((performance.now() - started) / 1000).toFixed(2)} s (history ${first.history?.seconds.toFixed(2)} s)`);
    t = await startApp(database, url);
    admin = (await signIn(t, 'admin')).cookie;
  }, 120_000);
  afterAll(async () => t?.close());

  it('fills the months before this week in the demo centres, and only those', async () => {
    expect(first.history).toMatchObject({ from: '2026-09-01', to: '2026-12-06', venues: 3 });
    const venues = await get<{ venues: Array<{ id: string; name: string }> }>('/api/venues');
    expect(venues.venues).toHaveLength(3);
    const months = await get<{ rows: Array<{ key: string; visits: number }> }>('/api/reports/visits?from=2026-01-01&to=2027-01-01&groupBy=month');
    const byMonth = Object.fromEntries(months.rows.map((r) => [r.key, r.visits]));
    for (const month of ['2026-09', '2026-10', '2026-11']) expect(byMonth[month], month).toBeGreaterThan(300);
    expect(byMonth['2026-08']).toBe(0);
    // The current month so far: its first week is history; nothing after last Sunday (the demo calendar's week).
    expect(byMonth['2026-12']).toBeGreaterThan(0);
    const lastWeek = await get<{ total: { visits: number } }>('/api/reports/visits?from=2026-12-07&to=2027-01-01&groupBy=day');
    expect(lastWeek.total.visits).toBe(0);
  });

  it('has classes with their attendance and some tournaments for the reports page', async () => {
    const classes = await get<{ rows: Array<{ kind?: string; visits: number }> }>('/api/reports/visits?from=2026-09-01&to=2026-12-01&groupBy=booking');
    expect(classes.rows.filter((r) => r.kind === 'class' && r.visits > 0).length).toBeGreaterThan(10);
    const tournaments = await get<{ total: { tournaments: number; matches: number } }>('/api/reports/tournaments?from=2026-09-01&to=2027-01-01');
    expect(tournaments.total.tournaments).toBeGreaterThan(0);
    expect(tournaments.total.matches).toBeGreaterThan(10);
  });

  it('has a senior-university term open for applications, with classes on the calendar and oversubscribed classes', async () => {
    const { venues } = await get<{ venues: Array<{ id: string }> }>('/api/venues');
    const terms = (await Promise.all(venues.map((v) => get<{ terms: Array<{ id: string; phase: string; applications: number }> }>(`/api/terms?venueId=${v.id}`)))).flatMap((r) => r.terms);
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ phase: 'applying' });
    expect(terms[0]!.applications).toBeGreaterThan(100);
    const view = await get<{ classes: Array<{ seriesId: string | null; capacity: number; seats: { firstChoice: number; applicants: number } }> }>(`/api/terms/${terms[0]!.id}`);
    expect(view.classes.length).toBe(8);
    expect(view.classes.every((c) => c.seriesId !== null)).toBe(true);
    expect(view.classes.some((c) => c.seats.applicants > c.capacity)).toBe(true);
  });

  it('lets every member it adds be found by pinyin initials, as the kiosk searches', async () => {
    // The field test found a third of the demo unfindable by "zmh": the history wrote members without readings.
    const missing = await t.database.db.selectFrom('members').select(['name', 'memberNo']).where('namePinyin', 'is', null).where('removedAt', 'is', null).execute();
    expect(missing).toEqual([]);
    const historyMember = await t.database.db.selectFrom('members').select(['name', 'nameInitials']).where('memberNo', 'like', 'QJ2025%').executeTakeFirstOrThrow();
    const found = await get<{ members: Array<{ name: string }> }>(`/api/members?q=${encodeURIComponent(historyMember.nameInitials!.split(' ')[0]!)}`);
    expect(found.members.map((m) => m.name)).toContain(historyMember.name);
  });
});
