/**
 * The world the fuzz test attacks (one of everything, made through the API like a real site would), the
 * routes it attacks (read from the built app itself). The fingerprint of every table is db-fingerprint.ts.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createVenue, pairDevice, signIn, type TestApp } from './app.ts';

export interface FuzzWorld {
  adminCookie: string;
  kioskToken: string;
  /** A member signed in on the phone pages (member number and PIN). */
  memberCookie: string;
  venueId: string;
  roomId: string;
  deviceId: string;
  bookingId: string;
  closureId: string;
  memberId: string;
  visitId: string;
  tournamentId: string;
  participantId: string;
  startedTournamentId: string;
  matchId: string;
  userId: string;
  /** A lottery term in its application window (for days), its class, and an application for that class. */
  termId: string;
  classId: string;
  applicationId: string;
  /** A first-come term whose class of one seat admitted one member and put the next on its waiting list. */
  firstComeTermId: string;
  firstComeClassId: string;
  /** The waiting place: it has no seat, so it cannot be paid for, accepted or declined. */
  placementId: string;
}

/** The fixture member's number, and a PIN that is never theirs: fuzz-routes.ts signs in with both, never successfully. */
export const FUZZ_MEMBER_NO = 'M-1';
export const GUESSED_PIN = '123456';

async function ok<T>(t: TestApp, what: string, options: InjectOptions, status = 201): Promise<T> {
  const response = await t.app.inject(options);
  if (response.statusCode !== status) throw new Error(`fixture: ${what} answered ${response.statusCode} ${response.body}`);
  return (response.body ? response.json() : {}) as T;
}

export async function buildWorld(t: TestApp): Promise<FuzzWorld> {
  const { cookie } = await signIn(t, 'admin');
  const headers = { cookie };
  const venueId = (await createVenue(t, cookie, '幸福里老干部活动中心')).id;
  const room = await ok<{ room: { id: string } }>(t, 'room', {
    method: 'POST', url: `/api/venues/${venueId}/rooms`, headers, payload: { name: '乒乓球室', kind: 'table_tennis', capacity: 20 },
  });
  const roomId = room.room.id;
  const room2 = await ok<{ room: { id: string } }>(t, 'room 2', {
    method: 'POST', url: `/api/venues/${venueId}/rooms`, headers, payload: { name: '乒乓球室二', kind: 'table_tennis', capacity: 20 },
  });
  const kiosk = await pairDevice(t, cookie, venueId, 'kiosk');
  await pairDevice(t, cookie, venueId, 'display');
  const booking = await ok<{ bookings: Array<{ id: string }> }>(t, 'booking', {
    method: 'POST', url: '/api/bookings', headers,
    payload: { roomId, start: '2026-12-01T09:00:00+08:00', end: '2026-12-01T10:30:00+08:00', title: '书法班', notes: '带毛笔',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' } },
  });
  const closure = await ok<{ closure: { id: string } }>(t, 'closure', {
    method: 'POST', url: `/api/venues/${venueId}/closures`, headers,
    payload: { start: '2027-01-28T00:00:00+08:00', end: '2027-02-04T00:00:00+08:00', reason: '春节' },
  });
  const member = await ok<{ member: { id: string } }>(t, 'member', {
    method: 'POST', url: '/api/members', headers, payload: { name: '张建国', cardCode: 'M0001', phone: '13500000166', category: 'retired' },
  });
  const member2 = await ok<{ member: { id: string } }>(t, 'member 2', { method: 'POST', url: '/api/members', headers, payload: { name: '李秀英', cardCode: 'M0002' } });
  const checkin = await ok<{ visit: { id: string } }>(t, 'check-in', {
    method: 'POST', url: '/api/checkins',
    headers: { authorization: `Bearer ${kiosk.token}`, 'idempotency-key': '2b7c35d2-6a4e-4c55-9d53-1d7b6c1f0a01' },
    payload: { venueId, memberCode: 'M0001' },
  });
  const tournament = await ok<{ tournament: { id: string } }>(t, 'tournament', {
    method: 'POST', url: '/api/tournaments', headers, payload: { venueId, name: '迎春杯', sport: 'table_tennis', format: 'round_robin' },
  });
  const participant = await ok<{ participant: { id: string } }>(t, 'participant', {
    method: 'POST', url: `/api/tournaments/${tournament.tournament.id}/participants`, headers, payload: { name: '张三' },
  });
  const started = await ok<{ tournament: { id: string } }>(t, 'started tournament', {
    method: 'POST', url: '/api/tournaments', headers,
    payload: { venueId, name: '门球友谊赛', sport: 'gateball', format: 'single_elimination', roomIds: [room2.room.id] },
  });
  for (const name of ['红队', '蓝队']) {
    await ok(t, 'team', { method: 'POST', url: `/api/tournaments/${started.tournament.id}/participants`, headers, payload: { name } });
  }
  await ok(t, 'start', { method: 'POST', url: `/api/tournaments/${started.tournament.id}/start`, headers }, 200);
  const view = await ok<{ matches: Array<{ id: string; status: string }> }>(t, 'view', {
    method: 'GET', url: `/api/tournaments/${started.tournament.id}`, headers,
  }, 200);
  const match = view.matches.find((m) => m.status === 'ready') ?? view.matches[0]!;
  const user = await ok<{ user: { id: string } }>(t, 'user', {
    method: 'POST', url: '/api/users', headers, payload: { username: 'coordinator_fuzz', password: 'long enough pw', role: 'coordinator', venueIds: [venueId] },
  });
  // A live subscription link, so that feeds with a wrong key are refused next to a real one.
  await ok(t, 'calendar link', { method: 'POST', url: `/api/venues/${venueId}/calendar-link`, headers, payload: { label: 'Outlook' } });
  const enrolment = await buildEnrolment(t, cookie, { venueId, roomId, memberIds: [member.member.id, member2.member.id] });
  return {
    adminCookie: cookie,
    kioskToken: kiosk.token,
    memberCookie: enrolment.memberCookie,
    venueId,
    roomId,
    deviceId: kiosk.deviceId,
    bookingId: booking.bookings[0]!.id,
    closureId: closure.closure.id,
    memberId: member.member.id,
    visitId: checkin.visit.id,
    tournamentId: tournament.tournament.id,
    participantId: participant.participant.id,
    startedTournamentId: started.tournament.id,
    matchId: match.id,
    userId: user.user.id,
    termId: enrolment.termId,
    classId: enrolment.classId,
    applicationId: enrolment.applicationId,
    firstComeTermId: enrolment.firstComeTermId,
    firstComeClassId: enrolment.firstComeClassId,
    placementId: enrolment.placementId,
  };
}

const HOUR = 3_600_000;
/** `h` hours from now: application windows are open around the test's own clock. */
const fromNow = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/**
 * The senior-university part of the world. Windows open an hour ago and close in thirty days, so that they stay
 * open for the whole run; classes meet in September 2027 in the fixture's room, when nothing else here is booked
 * (the bookings above are in December 2026, the closure and the size-limit tests' bookings in the first half of 2027).
 * The member who applies in the lottery term is the one signed in on the phone pages, so that member calls reach
 * their own application.
 */
async function buildEnrolment(t: TestApp, cookie: string, w: { venueId: string; roomId: string; memberIds: [string, string] }) {
  const headers = { cookie };
  const window = { applyFrom: fromNow(-1), applyUntil: fromNow(30 * 24) };
  const weekly = (firstStart: string, firstEnd: string) => ({ roomId: w.roomId, firstStart, firstEnd, rrule: 'FREQ=WEEKLY;COUNT=2' });

  const numbered = await ok<{ member: { id: string } }>(t, 'numbered member', {
    method: 'POST', url: '/api/members', headers, payload: { name: '王淑芬', memberNo: FUZZ_MEMBER_NO, category: 'retired', gender: 'female', birthMonth: '1955-03' },
  });
  // The PIN is random; the fuzz test tries GUESSED_PIN, which must stay wrong (one chance in a million).
  let pin = GUESSED_PIN;
  while (pin === GUESSED_PIN) {
    pin = (await ok<{ pin: string }>(t, 'PIN', { method: 'POST', url: `/api/members/${numbered.member.id}/pin`, headers }, 200)).pin;
  }
  const signedIn = await t.app.inject({ method: 'POST', url: '/api/member-auth/login', payload: { memberNo: FUZZ_MEMBER_NO, pin } });
  if (signedIn.statusCode !== 200) throw new Error(`fixture: member sign-in answered ${signedIn.statusCode} ${signedIn.body}`);
  const memberCookie = String(signedIn.headers['set-cookie']).split(';')[0]!;

  const term = await ok<{ term: { id: string } }>(t, 'lottery term', {
    method: 'POST', url: '/api/terms', headers, payload: { venueId: w.venueId, name: '2027 年秋季学期', mode: 'lottery', ...window },
  });
  const klass = await ok<{ class: { id: string } }>(t, 'class', {
    method: 'POST', url: `/api/terms/${term.term.id}/classes`, headers,
    payload: { name: '书法初级班', course: '书法', capacity: 30, feeCents: 30_000, ...weekly('2027-09-06T09:00:00+08:00', '2027-09-06T10:30:00+08:00') },
  });
  const application = await ok<{ application: { id: string } }>(t, 'application', {
    method: 'POST', url: `/api/terms/${term.term.id}/applications`,
    headers: { ...headers, 'idempotency-key': '2b7c35d2-6a4e-4c55-9d53-1d7b6c1f0a02' },
    payload: { memberId: numbered.member.id, choices: [klass.class.id] },
  });

  const firstCome = await ok<{ term: { id: string } }>(t, 'first-come term', {
    method: 'POST', url: '/api/terms', headers, payload: { venueId: w.venueId, name: '2027 年秋季短期班', mode: 'first_come', ...window },
  });
  const small = await ok<{ class: { id: string } }>(t, 'class of one seat', {
    method: 'POST', url: `/api/terms/${firstCome.term.id}/classes`, headers,
    payload: { name: '太极拳小班', course: '太极拳', capacity: 1, ...weekly('2027-09-06T14:00:00+08:00', '2027-09-06T15:00:00+08:00') },
  });
  const places: Array<{ id: string; status: string }> = [];
  for (const [i, memberId] of w.memberIds.entries()) {
    const applied = await ok<{ placements: Array<{ id: string; status: string }> }>(t, `first-come application ${i + 1}`, {
      method: 'POST', url: `/api/terms/${firstCome.term.id}/applications`,
      headers: { ...headers, 'idempotency-key': `2b7c35d2-6a4e-4c55-9d53-1d7b6c1f0b0${i}` },
      payload: { memberId, choices: [small.class.id] },
    });
    places.push(...applied.placements);
  }
  const waiting = places.find((p) => p.status === 'waitlisted');
  if (!waiting || !places.some((p) => p.status === 'admitted')) throw new Error(`fixture: expected one admitted and one waitlisted place, got ${JSON.stringify(places)}`);

  return {
    memberCookie,
    termId: term.term.id,
    classId: klass.class.id,
    applicationId: application.application.id,
    firstComeTermId: firstCome.term.id,
    firstComeClassId: small.class.id,
    placementId: waiting.id,
  };
}

/** `METHOD /api/path` of every /api route of the app, from its own route tree (HEAD is GET's echo). */
export function apiRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    for (const method of m[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && method !== 'OPTIONS' && path.startsWith('/api/')) routes.add(`${method} ${path}`);
    }
  }
  return [...routes].sort();
}
