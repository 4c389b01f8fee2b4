/**
 * The authorization matrix (server/http/access.ts), checked by calling it: every route as every kind of
 * caller — anonymous, admin, the venue's coordinator, another venue's coordinator, referees of this and of
 * another venue, the venue's kiosk and display, another venue's kiosk, a revoked kiosk, a member signed in on
 * the phone pages — and every socket topic likewise. The expected answer of each call is worked out from the table alone: 401 without valid
 * credentials, 403 for a caller the table does not allow or a venue that is not theirs, else success (2xx).
 * A refused call must change nothing in the database.
 *
 * Each route needs a sample request below (a valid call against venue A). A route the table lists without a
 * sample, a sample for a route the server does not have, and a server route without a table row (the server
 * refuses to start) all fail here.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAccessEntries } from '../../server/http/access-check.ts';
import { ACCESS, TOPIC_ACCESS, type Caller, type RouteAccess, type RouteKey } from '../../server/http/access.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { hashSecret, newSessionToken } from '../../server/modules/auth/tokens.ts';
import type { Role } from '../../server/db/schema.ts';
import { createVenue, liveClient, pairDevice, signIn, startTestApp, subscribe, type TestApp } from '../support/app.ts';
import { changedTables, databaseFingerprint } from '../support/db-fingerprint.ts';
import { storageAvailable } from '../support/database.ts';

interface Persona {
  name: string;
  /** null: anonymous. */
  caller: Caller | null;
  /** Venues the persona belongs to ('all' for admins and city-wide referees). */
  venues: 'all' | string[];
  revoked?: boolean;
  headers: Record<string, string>;
  /** Users only: to sign in, and to make a fresh account of the same kind for calls that end sessions. */
  username?: string;
  role?: Role;
  password?: string;
  /** The signed-in member: the enrolment samples act on this member's own rows (a member may act on no other). */
  memberId?: string;
}

/** A sample call of one route: valid for an allowed caller, against venue A unless `venue` says otherwise. */
interface Sample {
  request: (persona: Persona) => Promise<Omit<InjectOptions, 'method'>>;
  /** Calls that end the caller's sessions or change their password run as a fresh account of the same kind. */
  fresh?: true;
}

const hour = 3_600_000;
let slot = 0;
/** A free hour, far enough ahead that no two samples meet and no closure covers an earlier sample. */
function nextSlot(): { start: string; end: string } {
  slot += 1;
  const start = Date.UTC(2031, 0, 1, 0) + slot * 3 * hour;
  return { start: new Date(start).toISOString(), end: new Date(start + hour).toISOString() };
}
const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
/** `h` hours from now, for enrolment windows (open now, closed, renewing now). */
const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
let classSlot = 0;
/**
 * A class's weekly sessions (two), a fortnight after the previous class's, from 2033 on: no two classes meet, and
 * none meets a booking or closure above (2031) or falls on a closed day.
 */
function nextClassTimes(): { firstStart: string; firstEnd: string; rrule: string } {
  classSlot += 1;
  const start = Date.UTC(2033, 0, 3, 2) + classSlot * 14 * 24 * hour;
  return { firstStart: new Date(start).toISOString(), firstEnd: new Date(start + hour).toISOString(), rrule: 'FREQ=WEEKLY;COUNT=2' };
}

describe.runIf(storageAvailable)('authorization matrix: every route and topic as every caller', () => {
  let t: TestApp;
  let admin: { cookie: string; userId: string };
  let venueA: string;
  let venueB: string;
  let roomA: string;
  let memberA: string;
  let startedTournament: string;
  /** The enrolment samples' classroom, an open lottery term of venue A with one class, and a drawn term. */
  let classroomA: string;
  let openTerm: string;
  let openClass: string;
  let drawnTerm: string;
  /** A member with a PIN, for the member sign-in sample. */
  let pinMember: { memberNo: string; pin: string };
  const personas: Persona[] = [];

  const asAdmin = async (method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ method, url, headers: { cookie: admin.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (response.statusCode >= 300) throw new Error(`setup ${method} ${url} failed: ${response.statusCode} ${response.body}`);
    // Setup answers are read loosely: the routes' own tests check their shapes.
    return (response.body ? response.json() : {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const make = {
    booking: async () => (await asAdmin('POST', '/api/bookings', { roomId: roomA, ...nextSlot(), title: unique('课') })).bookings[0] as { id: string; version: number },
    closure: async () => (await asAdmin('POST', `/api/venues/${venueA}/closures`, { ...nextSlot(), reason: unique('维修') })).closure.id as string,
    device: async () => (await asAdmin('POST', '/api/devices', { kind: 'display', venueId: venueA, name: unique('屏') })) as { device: { id: string }; pairingCode: string },
    member: async () => (await asAdmin('POST', '/api/members', { name: unique('会员') })).member.id as string,
    visit: async () => (await asAdmin('POST', '/api/checkins', { venueId: venueA, memberId: await make.member() }, { 'idempotency-key': randomUUID() })).visit.id as string,
    draft: async (participants = 0) => {
      const id = (await asAdmin('POST', '/api/tournaments', { venueId: venueA, name: unique('赛'), sport: 'table_tennis', format: 'round_robin', bestOf: 5 })).tournament.id as string;
      const entries: string[] = [];
      for (let i = 0; i < participants; i += 1) entries.push((await asAdmin('POST', `/api/tournaments/${id}/participants`, { name: unique('选手') })).participant.id);
      return { id, entries };
    },
    /** A round robin of three played out as a circle with equal scores: a real tie, decided by lot. */
    lotTie: async () => {
      const { id, entries } = await make.draft(3);
      await asAdmin('POST', `/api/tournaments/${id}/start`);
      const view = await asAdmin('GET', `/api/tournaments/${id}`);
      for (const m of view.matches as Array<{ id: string; sides: Array<{ participantId: string }> }>) {
        const [a, b] = m.sides.map((s) => entries.indexOf(s.participantId));
        const firstWins = (b! - a! + 3) % 3 === 1;
        await asAdmin('PUT', `/api/matches/${m.id}/result`, { games: Array.from({ length: 3 }, () => (firstWins ? [11, 5] : [5, 11])) });
      }
      return { id, entries };
    },
    /** A live link owned by the persona when it is a user (else by the admin), made directly in the database. */
    calendarLink: async (p: Persona) => {
      const me = p.role ? ((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: p.headers })).json() as { user: { id: string } }).user.id : admin.userId;
      const row = await t.database.db
        .insertInto('calendarLinks')
        .values({ userId: me, venueId: venueA, roomId: null, label: unique('链接'), tokenHash: hashSecret(newSessionToken()) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    numberedMember: async () => (await asAdmin('POST', '/api/members', { name: unique('会员'), memberNo: `M-${randomUUID().slice(0, 8)}` })).member.id as string,
    /** The persona's own member when it is a member (they act only for themselves), else a new member. */
    memberFor: async (p: Persona) => p.memberId ?? (await make.member()),
    term: async (extra: Record<string, unknown> = {}) =>
      (await asAdmin('POST', '/api/terms', { venueId: venueA, name: unique('学期'), mode: 'lottery', applyFrom: at(-1), applyUntil: at(24), ...extra })).term.id as string,
    klass: async (termId: string, extra: Record<string, unknown> = {}) =>
      (await asAdmin('POST', `/api/terms/${termId}/classes`, { name: unique('班'), course: '书法', roomId: classroomA, capacity: 30, ...nextClassTimes(), ...extra })).class.id as string,
    apply: async (termId: string, classId: string, memberId: string) =>
      (await asAdmin('POST', `/api/terms/${termId}/applications`, { memberId, choices: [classId] }, { 'idempotency-key': randomUUID() })) as { application: { id: string }; placements?: Array<{ id: string }> },
    /** An application of the persona's member (or a new one) in a new open lottery term. */
    application: async (p: Persona) => {
      const termId = await make.term();
      const classId = await make.klass(termId);
      return { id: (await make.apply(termId, classId, await make.memberFor(p))).application.id, classId };
    },
    /** An admitted seat of the persona's member (or a new one), in a new first-come term. */
    seat: async (p: Persona) => {
      const termId = await make.term({ mode: 'first_come' });
      const classId = await make.klass(termId);
      return (await make.apply(termId, classId, await make.memberFor(p))).placements![0]!.id;
    },
    /** A seat offered to the persona's member (or a new one): they waited for a full class whose holder gave the seat up. */
    offer: async (p: Persona) => {
      const termId = await make.term({ mode: 'first_come' });
      const classId = await make.klass(termId, { capacity: 1 });
      const holder = await make.apply(termId, classId, await make.member());
      const waiting = await make.apply(termId, classId, await make.memberFor(p));
      await asAdmin('POST', `/api/placements/${holder.placements![0]!.id}/withdraw`);
      return waiting.placements![0]!.id;
    },
    /** A lottery term whose applications closed, with a class, not drawn yet. */
    closedTerm: async () => {
      const termId = await make.term({ applyFrom: at(-2), applyUntil: at(-1) });
      await make.klass(termId);
      return termId;
    },
    drawnTerm: async () => {
      const termId = await make.closedTerm();
      await asAdmin('POST', `/api/terms/${termId}/draw`, { publicNumber: '07 19 23 31 02' });
      return termId;
    },
    /** A term in its renewal window, whose class continues one where the persona's member (or a new one) holds a seat. */
    renewal: async (p: Persona) => {
      const memberId = await make.memberFor(p);
      const previous = await make.term({ mode: 'first_come' });
      const earlier = await make.klass(previous);
      await make.apply(previous, earlier, memberId);
      const termId = await make.term({ renewFrom: at(-1), renewUntil: at(1), applyFrom: at(1), applyUntil: at(24) });
      return { termId, memberId, classId: await make.klass(termId, { continuesClassId: earlier }) };
    },
    readyMatch: async () => {
      const { id } = await make.draft(2);
      await asAdmin('POST', `/api/tournaments/${id}/start`);
      const view = await asAdmin('GET', `/api/tournaments/${id}`);
      return (view.matches as Array<{ id: string; status: string }>).find((m) => m.status === 'ready')!.id;
    },
  };

  const samples: Record<RouteKey, Sample> = {
    'GET /api/health': { request: async () => ({ url: '/api/health' }) },
    // Signing in ends the session the browser sent (rotation), so it runs as a fresh account.
    'POST /api/auth/login': { fresh: true, request: async () => ({ url: '/api/auth/login', payload: loginOf(personas[1]!) }) },
    'POST /api/auth/logout': { fresh: true, request: async () => ({ url: '/api/auth/logout' }) },
    'GET /api/auth/me': { request: async () => ({ url: '/api/auth/me' }) },
    'POST /api/auth/password': { fresh: true, request: async (p) => ({ url: '/api/auth/password', payload: { currentPassword: p.password ?? 'x', newPassword: 'another long password 9' } }) },
    'POST /api/auth/logout-all': { fresh: true, request: async () => ({ url: '/api/auth/logout-all' }) },
    'GET /api/users': { request: async () => ({ url: '/api/users' }) },
    'POST /api/users': { request: async () => ({ url: '/api/users', payload: { username: `u${randomUUID().slice(0, 8)}`, password: 'a long enough password', role: 'coordinator', venueIds: [venueA] } }) },
    'PATCH /api/users/:userId': { request: async () => {
      const user = await freshUser('coordinator', [venueB]);
      return { url: `/api/users/${user.id}`, payload: { venueIds: [venueA] } };
    } },
    'GET /api/audit': { request: async () => ({ url: '/api/audit' }) },
    'GET /api/venues': { request: async () => ({ url: '/api/venues' }) },
    'POST /api/venues': { request: async () => ({ url: '/api/venues', payload: { name: unique('中心') } }) },
    'GET /api/venues/:venueId': { request: async () => ({ url: `/api/venues/${venueA}` }) },
    'PATCH /api/venues/:venueId': { request: async () => ({ url: `/api/venues/${venueA}`, payload: { closesAt: '21:00' } }) },
    'GET /api/venues/:venueId/rooms': { request: async () => ({ url: `/api/venues/${venueA}/rooms` }) },
    'POST /api/venues/:venueId/rooms': { request: async () => ({ url: `/api/venues/${venueA}/rooms`, payload: { name: unique('教室'), kind: 'classroom', capacity: 20 } }) },
    'PATCH /api/rooms/:roomId': { request: async () => ({ url: `/api/rooms/${roomA}`, payload: { capacity: 40 } }) },
    'GET /api/venues/:venueId/headcount': { request: async () => ({ url: `/api/venues/${venueA}/headcount` }) },
    'GET /api/venues/:venueId/calendar-link': { request: async () => ({ url: `/api/venues/${venueA}/calendar-link` }) },
    'GET /api/rooms/:roomId/calendar-link': { request: async () => ({ url: `/api/rooms/${roomA}/calendar-link` }) },
    'POST /api/venues/:venueId/calendar-link': { request: async () => ({ url: `/api/venues/${venueA}/calendar-link`, payload: { label: unique('Outlook') } }) },
    'POST /api/rooms/:roomId/calendar-link': { request: async () => ({ url: `/api/rooms/${roomA}/calendar-link`, payload: { label: unique('手机日历') } }) },
    'GET /api/calendar-links': { request: async () => ({ url: '/api/calendar-links' }) },
    'GET /api/calendar-links/all': { request: async () => ({ url: '/api/calendar-links/all' }) },
    // Each user revokes a link of their own (someone else's is not found); others try the admin's.
    'DELETE /api/calendar-links/:linkId': { request: async (p) => ({ url: `/api/calendar-links/${await make.calendarLink(p)}` }) },
    'GET /api/venues/:venueId/calendar.ics': { request: async () => ({ url: `/api/venues/${venueA}/calendar.ics` }) },
    'GET /api/rooms/:roomId/calendar.ics': { request: async () => ({ url: `/api/rooms/${roomA}/calendar.ics` }) },
    'GET /api/venues/:venueId/closures': { request: async () => ({ url: `/api/venues/${venueA}/closures` }) },
    'POST /api/venues/:venueId/closures': { request: async () => ({ url: `/api/venues/${venueA}/closures`, payload: { ...nextSlot(), reason: '消防检查' } }) },
    'DELETE /api/closures/:closureId': { request: async () => ({ url: `/api/closures/${await make.closure()}` }) },
    'GET /api/devices': { request: async () => ({ url: `/api/devices?venueId=${venueA}` }) },
    'POST /api/devices': { request: async () => ({ url: '/api/devices', payload: { kind: 'kiosk', venueId: venueA, name: unique('签到机') } }) },
    'POST /api/devices/pair': { request: async () => ({ url: '/api/devices/pair', payload: { pairingCode: (await make.device()).pairingCode } }) },
    'GET /api/devices/pairing-status': { request: async () => ({ url: '/api/devices/pairing-status' }) },
    'POST /api/devices/pairing-status/resume': {
      // Only a paused pairing can be resumed: pause it (the site-wide counter past its ceiling) before each call.
      request: async () => {
        await sql`insert into rate_limits (key, window_start, count) values ('pairing-site:all', now(), 1000)
          on conflict (key) do update set window_start = now(), count = 1000`.execute(t.database.db);
        return { url: '/api/devices/pairing-status/resume' };
      },
    },
    'DELETE /api/devices/:deviceId': { request: async () => ({ url: `/api/devices/${(await make.device()).device.id}` }) },
    'GET /api/bookings': { request: async () => ({ url: `/api/bookings?venueId=${venueA}&from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z` }) },
    'POST /api/bookings': { request: async () => ({ url: '/api/bookings', payload: { roomId: roomA, ...nextSlot(), title: unique('书法课') } }) },
    'POST /api/bookings/check': { request: async () => ({ url: '/api/bookings/check', payload: { roomId: roomA, ...nextSlot() } }) },
    'PATCH /api/bookings/:bookingId': { request: async () => {
      const booking = await make.booking();
      return { url: `/api/bookings/${booking.id}`, payload: { version: booking.version, title: unique('改名') } };
    } },
    'DELETE /api/bookings/:bookingId': { request: async () => ({ url: `/api/bookings/${(await make.booking()).id}` }) },
    'GET /api/members': { request: async () => ({ url: '/api/members?q=会员' }) },
    'GET /api/members/:memberId': { request: async () => ({ url: `/api/members/${memberA}` }) },
    'POST /api/members': { request: async () => ({ url: '/api/members', payload: { name: unique('新会员') } }) },
    'POST /api/members/import': { request: async () => ({ url: '/api/members/import', headers: { 'content-type': 'text/csv' }, payload: `姓名,类别\n${unique('导入')},退休\n` }) },
    'PATCH /api/members/:memberId': { request: async () => ({ url: `/api/members/${memberA}`, payload: { name: unique('改名会员') } }) },
    'DELETE /api/members/:memberId': { request: async () => ({ url: `/api/members/${await make.member()}` }) },
    'POST /api/checkins': { request: async () => ({ url: '/api/checkins', headers: { 'idempotency-key': randomUUID() }, payload: { venueId: venueA, guests: 1 } }) },
    'POST /api/checkins/:visitId/checkout': { request: async () => ({ url: `/api/checkins/${await make.visit()}/checkout` }) },
    'GET /api/tournaments': { request: async () => ({ url: `/api/tournaments?venueId=${venueA}` }) },
    'POST /api/tournaments': { request: async () => ({ url: '/api/tournaments', payload: { venueId: venueA, name: unique('新赛'), sport: 'gateball', format: 'round_robin' } }) },
    'GET /api/tournaments/:tournamentId': { request: async () => ({ url: `/api/tournaments/${startedTournament}` }) },
    'PATCH /api/tournaments/:tournamentId': { request: async () => ({ url: `/api/tournaments/${(await make.draft()).id}`, payload: { name: unique('改赛') } }) },
    'DELETE /api/tournaments/:tournamentId': { request: async () => ({ url: `/api/tournaments/${(await make.draft()).id}` }) },
    'POST /api/tournaments/:tournamentId/participants': { request: async () => ({ url: `/api/tournaments/${(await make.draft()).id}/participants`, payload: { name: unique('选手') } }) },
    'PATCH /api/tournaments/:tournamentId/participants/:participantId': { request: async () => {
      const { id, entries } = await make.draft(1);
      return { url: `/api/tournaments/${id}/participants/${entries[0]}`, payload: { name: unique('改名选手') } };
    } },
    'DELETE /api/tournaments/:tournamentId/participants/:participantId': { request: async () => {
      const { id, entries } = await make.draft(1);
      return { url: `/api/tournaments/${id}/participants/${entries[0]}` };
    } },
    'POST /api/tournaments/:tournamentId/start': { request: async () => ({ url: `/api/tournaments/${(await make.draft(2)).id}/start` }) },
    'POST /api/tournaments/:tournamentId/undo-start': { request: async () => {
      const { id } = await make.draft(2);
      await asAdmin('POST', `/api/tournaments/${id}/start`);
      return { url: `/api/tournaments/${id}/undo-start` };
    } },
    'PUT /api/tournaments/:tournamentId/lots': { request: async () => {
      const { id, entries } = await make.lotTie();
      return { url: `/api/tournaments/${id}/lots`, payload: { group: null, order: [entries[2], entries[0], entries[1]] } };
    } },
    'PUT /api/matches/:matchId/result': { request: async () => ({ url: `/api/matches/${await make.readyMatch()}/result`, payload: { games: [[11, 5], [11, 7], [11, 9]] } }) },
    'PUT /api/matches/:matchId/live': { request: async () => ({ url: `/api/matches/${await make.readyMatch()}/live`, payload: { games: [[11, 5]], current: [3, 2] } }) },
    'GET /api/reports/visits': { request: async () => ({ url: `/api/reports/visits?venueId=${venueA}&from=2031-01-01&to=2031-02-01&groupBy=day` }) },
    'GET /api/reports/tournaments': { request: async () => ({ url: `/api/reports/tournaments?venueId=${venueA}&from=2031-01-01&to=2032-01-01` }) },
    'GET /api/reports/yearly': { request: async () => ({ url: `/api/reports/yearly?venueId=${venueA}&year=2031` }) },
    'GET /api/reports/absent-members': { request: async () => ({ url: `/api/reports/absent-members?venueId=${venueA}&weeks=8` }) },
    // Enrolment (docs/api.md "Senior-university enrolment"). A member acts only on their own rows, so the samples a
    // member may call name the persona's own member; a refused member would be 403 before that mattered.
    'POST /api/terms': { request: async () => ({ url: '/api/terms', payload: { venueId: venueA, name: unique('学期'), mode: 'lottery', applyFrom: at(-1), applyUntil: at(24) } }) },
    'GET /api/terms': { request: async () => ({ url: `/api/terms?venueId=${venueA}` }) },
    'GET /api/terms/:termId': { request: async () => ({ url: `/api/terms/${openTerm}` }) },
    'PATCH /api/terms/:termId': { request: async () => ({ url: `/api/terms/${openTerm}`, payload: { name: unique('改名学期') } }) },
    'POST /api/terms/:termId/classes': { request: async () => ({ url: `/api/terms/${openTerm}/classes`, payload: { name: unique('班'), course: '国画', roomId: classroomA, capacity: 20, ...nextClassTimes() } }) },
    'PATCH /api/classes/:classId': { request: async () => ({ url: `/api/classes/${openClass}`, payload: { name: unique('改名班') } }) },
    'GET /api/classes/:classId/roster': { request: async () => ({ url: `/api/classes/${openClass}/roster` }) },
    'GET /api/classes/:classId/attendance': { request: async () => ({ url: `/api/classes/${openClass}/attendance` }) },
    'GET /api/terms/:termId/report': { request: async () => ({ url: `/api/terms/${openTerm}/report` }) },
    'GET /api/terms/:termId/eligibility': { request: async (p) => ({ url: `/api/terms/${openTerm}/eligibility?memberId=${p.memberId ?? memberA}` }) },
    'POST /api/terms/:termId/applications': { request: async (p) => {
      const termId = await make.term();
      const classId = await make.klass(termId);
      return { url: `/api/terms/${termId}/applications`, headers: { 'idempotency-key': randomUUID() }, payload: { memberId: await make.memberFor(p), choices: [classId] } };
    } },
    'GET /api/terms/:termId/applications': { request: async () => ({ url: `/api/terms/${openTerm}/applications` }) },
    'PUT /api/applications/:applicationId': { request: async (p) => {
      const { id, classId } = await make.application(p);
      return { url: `/api/applications/${id}`, payload: { choices: [classId] } };
    } },
    'DELETE /api/applications/:applicationId': { request: async (p) => ({ url: `/api/applications/${(await make.application(p)).id}` }) },
    'POST /api/terms/:termId/draw': { request: async () => ({ url: `/api/terms/${await make.closedTerm()}/draw`, payload: { publicNumber: '07 19 23 31 02' } }) },
    'GET /api/terms/:termId/draw': { request: async () => ({ url: `/api/terms/${drawnTerm}/draw` }) },
    'POST /api/terms/:termId/redraw': { request: async () => ({ url: `/api/terms/${await make.drawnTerm()}/redraw`, payload: { reason: '公证员发现公开号码抄错' } }) },
    'GET /api/terms/:termId/placements': { request: async () => ({ url: `/api/terms/${openTerm}/placements` }) },
    'GET /api/terms/:termId/seats': { request: async () => ({ url: `/api/terms/${openTerm}/seats` }) },
    'POST /api/terms/:termId/renewals': { request: async (p) => {
      const { termId, memberId, classId } = await make.renewal(p);
      return { url: `/api/terms/${termId}/renewals`, payload: { memberId, classId } };
    } },
    'POST /api/placements/:placementId/withdraw': { request: async (p) => ({ url: `/api/placements/${await make.seat(p)}/withdraw` }) },
    'POST /api/placements/:placementId/accept': { request: async (p) => ({ url: `/api/placements/${await make.offer(p)}/accept` }) },
    'POST /api/placements/:placementId/decline': { request: async (p) => ({ url: `/api/placements/${await make.offer(p)}/decline` }) },
    'POST /api/placements/:placementId/payment': { request: async (p) => ({ url: `/api/placements/${await make.seat(p)}/payment`, payload: { receiptNo: unique('收据'), amountCents: 30_000 } }) },
    // Member PINs and sessions. Issuing a PIN ends the member's sessions: a new member each time, never the persona.
    'POST /api/members/:memberId/pin': { request: async () => ({ url: `/api/members/${await make.numberedMember()}/pin` }) },
    // Signing in replaces the member session sent, and ends a staff session of the same browser: fresh callers.
    'POST /api/member-auth/login': { fresh: true, request: async () => ({ url: '/api/member-auth/login', payload: pinMember }) },
    'POST /api/member-auth/logout': { fresh: true, request: async () => ({ url: '/api/member-auth/logout' }) },
    'GET /api/member-auth/me': { request: async () => ({ url: '/api/member-auth/me' }) },
  };

  function loginOf(persona: Persona) {
    return { username: persona.username, password: persona.password };
  }

  /** A user with a session made directly (sign-in over HTTP is rate-limited per address). */
  async function freshUser(role: Role, venueIds: string[]): Promise<{ id: string; cookie: string; password: string; username: string }> {
    const username = `fresh_${randomUUID().slice(0, 8)}`;
    const password = 'fresh user password 1';
    const user = await t.database.db.insertInto('users').values({ username, passwordHash: await hashPassword(password), role }).returning('id').executeTakeFirstOrThrow();
    if (venueIds.length > 0) await t.database.db.insertInto('userVenues').values(venueIds.map((venueId) => ({ userId: user.id, venueId }))).execute();
    const token = newSessionToken();
    await t.database.db.insertInto('sessions').values({ userId: user.id, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + 24 * hour) }).execute();
    return { id: user.id, cookie: `centre_ops_session=${token}`, password, username };
  }

  /** A session of the member made directly (signing in over HTTP is rate-limited per address). */
  async function memberSession(memberId: string): Promise<string> {
    const token = newSessionToken();
    await t.database.db.insertInto('memberSessions').values({ memberId, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + 24 * hour) }).execute();
    return `member_session=${token}`;
  }

  async function freshPersona(p: Persona): Promise<Persona> {
    if (p.caller === 'member' && p.memberId) return { ...p, headers: { cookie: await memberSession(p.memberId) } };
    if (!p.role) return p;
    const user = await freshUser(p.role, p.venues === 'all' ? [] : p.venues);
    return { ...p, headers: { cookie: user.cookie }, password: user.password };
  }

  /** What the table says this persona gets from this route, for a request about venue A. */
  function expected(access: RouteAccess, p: Persona): 'success' | 401 | 403 {
    if (access.allow === 'anyone') return 'success';
    if (p.caller === null || p.revoked) return 401;
    if (!access.allow.includes(p.caller)) return 403;
    if (access.venue !== null && p.venues !== 'all' && !p.venues.includes(venueA)) return 403;
    return 'success';
  }

  beforeAll(async () => {
    t = await startTestApp();
    const signedAdmin = await signIn(t, 'admin');
    admin = signedAdmin;
    venueA = (await createVenue(t, admin.cookie)).id;
    venueB = (await createVenue(t, admin.cookie)).id;
    roomA = (await asAdmin('POST', `/api/venues/${venueA}/rooms`, { name: '门球场', kind: 'gateball_court', capacity: 30 })).room.id;
    memberA = await make.member();
    const { id } = await make.draft(2);
    await asAdmin('POST', `/api/tournaments/${id}/start`);
    startedTournament = id;
    classroomA = (await asAdmin('POST', `/api/venues/${venueA}/rooms`, { name: '书画教室', kind: 'classroom', capacity: 40 })).room.id;
    openTerm = await make.term();
    openClass = await make.klass(openTerm);
    drawnTerm = await make.drawnTerm();
    const pinMemberId = await make.numberedMember();
    pinMember = {
      memberNo: (await asAdmin('GET', `/api/members/${pinMemberId}`)).member.memberNo,
      pin: (await asAdmin('POST', `/api/members/${pinMemberId}/pin`)).pin,
    };

    const user = async (name: string, role: Role, venues: string[]): Promise<Persona> => {
      const signed = await signIn(t, role, venues);
      return { name, username: signed.username, caller: role, role, password: signed.password, venues: role === 'admin' ? 'all' : venues, headers: { cookie: signed.cookie } };
    };
    const device = async (name: string, kind: 'kiosk' | 'display', venueId: string): Promise<Persona> => {
      const { token } = await pairDevice(t, admin.cookie, venueId, kind);
      return { name, caller: kind, venues: [venueId], headers: { authorization: `Bearer ${token}` } };
    };
    /** A member who signed in on the phone pages with the PIN the desk gave them. */
    const member = async (name: string): Promise<Persona> => {
      const memberId = await make.numberedMember();
      const memberNo = (await asAdmin('GET', `/api/members/${memberId}`)).member.memberNo as string;
      const { pin } = await asAdmin('POST', `/api/members/${memberId}/pin`);
      const signed = await t.app.inject({ method: 'POST', url: '/api/member-auth/login', payload: { memberNo, pin } });
      if (signed.statusCode !== 200) throw new Error(`member sign-in failed: ${signed.body}`);
      const cookie = String(signed.headers['set-cookie']).split(';')[0]!;
      return { name, caller: 'member', venues: 'all', memberId, headers: { cookie } };
    };
    const revoked = await pairDevice(t, admin.cookie, venueA, 'kiosk');
    await asAdmin('DELETE', `/api/devices/${revoked.deviceId}`);
    personas.push(
      { name: 'anonymous', caller: null, venues: [], headers: {} },
      await user('admin', 'admin', []),
      await user('coordinator of A', 'coordinator', [venueA]),
      await user('coordinator of B', 'coordinator', [venueB]),
      await user('referee of A', 'referee', [venueA]),
      await user('referee of B', 'referee', [venueB]),
      await device('kiosk of A', 'kiosk', venueA),
      await device('display of A', 'display', venueA),
      await device('kiosk of B', 'kiosk', venueB),
      { name: 'revoked kiosk of A', caller: 'kiosk', venues: [venueA], revoked: true, headers: { authorization: `Bearer ${revoked.token}` } },
      await member('member (phone pages)'),
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every route the server serves, and a sample for every row', () => {
    const keys = Object.keys(ACCESS).sort();
    expect(Object.keys(samples).sort()).toEqual(keys);
    for (const key of keys) {
      const [method, url] = key.split(' ') as [InjectOptions['method'] & string, string];
      expect(t.app.hasRoute({ method, url }), `${key} is in the table but not served`).toBe(true);
    }
  });

  it('refuses to register a route the table does not know (buildApp then fails to start)', () => {
    const probe = Fastify();
    requireAccessEntries(probe);
    expect(() => probe.get('/api/unlisted', async () => ({}))).toThrow(/GET \/api\/unlisted has no entry in server\/http\/access\.ts/);
    expect(() => probe.get('/api/health', async () => ({}))).not.toThrow();
    expect(() => probe.get('/not-api', async () => ({}))).not.toThrow();
  });

  for (const key of Object.keys(ACCESS) as RouteKey[]) {
    it(key, async () => {
      const access: RouteAccess = ACCESS[key];
      const sample = samples[key];
      const [method] = key.split(' ') as [InjectOptions['method']];
      const outcomes: string[] = [];
      for (const base of personas) {
        const persona = sample.fresh ? await freshPersona(base) : base;
        const want = expected(access, persona);
        const options = await sample.request(persona);
        const before = want === 'success' ? null : await databaseFingerprint(t.database.db);
        const response = await t.app.inject({ ...options, method, headers: { ...(options.headers ?? {}), ...persona.headers } });
        const got = response.statusCode;
        const ok = want === 'success' ? got >= 200 && got < 300 : got === want && (response.json() as { code: string }).code === (want === 401 ? 'unauthenticated' : 'forbidden');
        if (!ok) outcomes.push(`${persona.name}: expected ${want}, got ${got} ${response.body.slice(0, 200)}`);
        if (before !== null) {
          const after = await databaseFingerprint(t.database.db);
          const changed = changedTables(before, after);
          if (changed.length > 0) outcomes.push(`${persona.name}: a refused call changed ${changed.join(', ')}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  it('opens a calendar feed to anyone holding a live link’s key, and to nobody with a wrong one', async () => {
    const made = (await asAdmin('POST', `/api/rooms/${roomA}/calendar-link`, { label: 'Outlook' })) as { url: string };
    const url = new URL(made.url, 'http://x');
    expect((await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${url.pathname}?key=wrong` })).statusCode).toBe(401);
  });

  it('lets each caller subscribe to exactly the topics the table grants', async () => {
    const topics: Record<keyof typeof TOPIC_ACCESS, string> = { venue: `venue:${venueA}`, tournament: `tournament:${startedTournament}`, term: `term:${openTerm}` };
    const outcomes: string[] = [];
    for (const persona of personas) {
      const auth = persona.headers.cookie ? { cookie: persona.headers.cookie } : persona.headers.authorization ? { token: persona.headers.authorization.slice('Bearer '.length) } : {};
      if (persona.caller === null || persona.revoked) {
        const refused = await liveClient(t.url, auth).then((s) => (s.close(), false), () => true);
        if (!refused) outcomes.push(`${persona.name}: connected without valid credentials`);
        continue;
      }
      const socket = await liveClient(t.url, auth);
      try {
        for (const [kind, topic] of Object.entries(topics) as Array<[keyof typeof TOPIC_ACCESS, string]>) {
          const access = TOPIC_ACCESS[kind];
          const allowed = (access.allow as readonly Caller[]).includes(persona.caller) && (persona.venues === 'all' || persona.venues.includes(venueA));
          const ack = await subscribe(socket, topic);
          const got = ack.ok ? 'ok' : ack.code;
          if (got !== (allowed ? 'ok' : 'forbidden')) outcomes.push(`${persona.name} → ${topic}: expected ${allowed ? 'ok' : 'forbidden'}, got ${got}`);
        }
        const unknown = await subscribe(socket, `venue:${randomUUID()}`);
        if (unknown.ok || unknown.code !== 'not_found') outcomes.push(`${persona.name}: an unknown venue was not not_found`);
      } finally {
        socket.close();
      }
    }
    expect(outcomes).toEqual([]);
  });
});
