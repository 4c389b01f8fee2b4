/**
 * The world the fuzz test attacks (one of everything, made through the API like a real site would), the
 * routes it attacks (read from the built app itself). The fingerprint of every table is db-fingerprint.ts.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createVenue, pairDevice, signIn, type TestApp } from './app.ts';

export interface FuzzWorld {
  adminCookie: string;
  kioskToken: string;
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
}

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
  await ok(t, 'member 2', { method: 'POST', url: '/api/members', headers, payload: { name: '李秀英', cardCode: 'M0002' } });
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
  return {
    adminCookie: cookie,
    kioskToken: kiosk.token,
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
