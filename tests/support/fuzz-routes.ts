/**
 * What each /api route takes, for the fuzz test's generators (fuzz-requests.ts): which fixture ids fill its
 * path, a valid body to break, a valid query, and how the service can be made to refuse a body the schema
 * accepts. tests/integration/fuzz.test.ts fails when the app has a route that is not listed here.
 */
import { FUZZ_MEMBER_NO, GUESSED_PIN, type FuzzWorld } from './fuzz-fixture.ts';
import type { BodyTemplate } from './fuzz-arbitraries.ts';

export type WorldId = Exclude<keyof FuzzWorld, 'adminCookie' | 'kioskToken' | 'memberCookie'>;

/**
 * What a route takes, for the generators. `params`: which fixture id fills each path parameter when the
 * request is otherwise broken. `body`: the fields of a valid body (the generator always breaks one).
 * `query`: a valid querystring (broken by an unknown key when used with real ids). `noInput`: the route acts
 * on its ids alone (DELETE, start, checkout, logout), so it only ever gets ids of nothing or transport
 * failures. `csv`: the member import.
 */
export interface RouteSpec {
  params?: Record<string, WorldId>;
  body?: (w: FuzzWorld) => BodyTemplate;
  /** Fields that make the service refuse a body the schema accepts (applied after the hostile changes). */
  refuse?: (w: FuzzWorld) => Record<string, unknown>;
  /** The route changes nothing whatever its body (a check, a sign-in or pairing nobody can win): any body goes. */
  readOnly?: true;
  query?: (w: FuzzWorld) => string;
  /** Headers a valid request carries (an Idempotency-Key), so that a refused body reaches the service's checks. */
  headers?: () => Record<string, string>;
  noInput?: true;
  csv?: true;
}

const r = (value: unknown, required = false) => ({ value, required });
/** A well-formed id of nothing. */
const NOTHING = '5f0c1c9e-0000-4000-8000-00000000dead';
const UNKNOWN_ZONE = 'Mars/Olympus_Mons';
const ISO = { start: '2026-12-08T14:00:00+08:00', end: '2026-12-08T15:00:00+08:00' };
/**
 * The fixture's own state refuses any valid body: its lottery term's window is open (no draw yet, and no redo of
 * one), it has no renewal window, and its place is on a waiting list (nothing to pay for).
 */
const BY_STATE = () => ({});
/** A key no fixture request used: the application route then takes the request as new and checks its body. */
const FRESH_KEY = { 'idempotency-key': '7d9e2f4a-1b3c-4d5e-8f60-0123456789ab' };
const termRules = {
  renewFrom: r(null), renewUntil: r(null), classesPerMember: r(1), choicesPerApplication: r(3), priorityCategories: r(['veteran']), offerHours: r(48), payUntil: r('2027-09-30T00:00:00+08:00'),
};

export const SPECS: Record<string, RouteSpec> = {
  'GET /api/health': {},
  'POST /api/auth/login': { body: () => ({ username: r('admin', true), password: r('correct horse battery', true) }), readOnly: true },
  'POST /api/auth/logout': { noInput: true },
  'POST /api/auth/logout-all': { noInput: true },
  'POST /api/auth/password': {
    body: () => ({ currentPassword: r('correct horse battery', true), newPassword: r('another long password', true) }),
    refuse: () => ({ currentPassword: 'not the password at all' }),
  },
  'GET /api/auth/me': {},
  'GET /api/users': {},
  'PATCH /api/users/:userId': { params: { userId: 'userId' }, body: (w) => ({ role: r('referee'), venueIds: r([w.venueId]), disabled: r(true), password: r('a new long password') }), refuse: () => ({ venueIds: [NOTHING] }) },
  'GET /api/audit': { query: (w) => `venueId=${w.venueId}&limit=10` },
  'GET /api/reports/visits': { query: (w) => `venueId=${w.venueId}&from=2026-11-01&to=2026-12-01&groupBy=day` },
  'GET /api/reports/tournaments': { query: (w) => `venueId=${w.venueId}&from=2026-01-01&to=2027-01-01` },
  'GET /api/reports/yearly': { query: (w) => `venueId=${w.venueId}&year=2026` },
  'GET /api/reports/absent-members': { query: (w) => `venueId=${w.venueId}&weeks=4&limit=10` },
  'POST /api/users': { body: (w) => ({ username: r('fuzzuser', true), password: r('long enough pw', true), role: r('coordinator', true), venueIds: r([w.venueId]) }), refuse: () => ({ username: 'coordinator_fuzz' }) },
  'GET /api/venues': {},
  'POST /api/venues': { body: () => ({ name: r('新会场', true), timezone: r('Asia/Shanghai'), opensAt: r('08:00'), closesAt: r('21:00') }), refuse: () => ({ timezone: UNKNOWN_ZONE }) },
  'GET /api/venues/:venueId': { params: { venueId: 'venueId' } },
  'PATCH /api/venues/:venueId': { params: { venueId: 'venueId' }, body: () => ({ name: r('改名'), timezone: r('Asia/Shanghai'), opensAt: r('07:30'), closesAt: r('20:00') }), refuse: () => ({ timezone: UNKNOWN_ZONE }) },
  'GET /api/venues/:venueId/rooms': { params: { venueId: 'venueId' } },
  'POST /api/venues/:venueId/rooms': { params: { venueId: 'venueId' }, body: () => ({ name: r('新室', true), kind: r('hall', true), capacity: r(30, true) }), refuse: () => ({ name: '乒乓球室二' }) },
  'PATCH /api/rooms/:roomId': { params: { roomId: 'roomId' }, body: () => ({ name: r('改名'), kind: r('hall'), capacity: r(12) }), refuse: () => ({ name: '乒乓球室二' }) },
  'GET /api/venues/:venueId/headcount': { params: { venueId: 'venueId' } },
  'GET /api/venues/:venueId/calendar-link': { params: { venueId: 'venueId' } },
  'GET /api/rooms/:roomId/calendar-link': { params: { roomId: 'roomId' } },
  'POST /api/venues/:venueId/calendar-link': { params: { venueId: 'venueId' }, body: () => ({ label: r('Outlook 办公室', true) }) },
  'POST /api/rooms/:roomId/calendar-link': { params: { roomId: 'roomId' }, body: () => ({ label: r('手机日历', true) }) },
  'GET /api/calendar-links': {},
  'GET /api/calendar-links/all': {},
  'DELETE /api/calendar-links/:linkId': { noInput: true },
  'GET /api/venues/:venueId/calendar.ics': { params: { venueId: 'venueId' }, query: () => 'key=abc' },
  'GET /api/rooms/:roomId/calendar.ics': { params: { roomId: 'roomId' }, query: () => 'key=abc' },
  'GET /api/venues/:venueId/closures': { params: { venueId: 'venueId' }, query: () => 'from=2026-12-01T00:00:00Z&to=2027-03-01T00:00:00Z' },
  'POST /api/venues/:venueId/closures': {
    params: { venueId: 'venueId' },
    body: (w) => ({ ...{ start: r(ISO.start, true), end: r(ISO.end, true) }, reason: r('停电', true), roomId: r(w.roomId), cancelBookings: r(true) }),
    refuse: () => ({ roomId: NOTHING }),
  },
  'DELETE /api/closures/:closureId': { params: { closureId: 'closureId' }, noInput: true },
  'GET /api/devices': { query: (w) => `venueId=${w.venueId}` },
  'POST /api/devices': { body: (w) => ({ kind: r('kiosk', true), venueId: r(w.venueId, true), name: r('大厅签到机', true) }), refuse: () => ({ venueId: NOTHING }) },
  // No pairing code is pending (the fixture's were used), so no body can pair.
  'POST /api/devices/pair': { body: () => ({ pairingCode: r('12345678', true) }), readOnly: true },
  'GET /api/devices/pairing-status': {},
  'POST /api/devices/pairing-status/resume': { noInput: true },
  'DELETE /api/devices/:deviceId': { params: { deviceId: 'deviceId' }, noInput: true },
  'GET /api/bookings': { query: (w) => `venueId=${w.venueId}&from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z` },
  'POST /api/bookings': {
    body: (w) => ({
      roomId: r(w.roomId, true), start: r(ISO.start, true), end: r(ISO.end, true), title: r('太极拳', true), kind: r('class'),
      expectedCount: r(20), notes: r('自带垫子'), recurrence: r({ rrule: 'FREQ=WEEKLY;COUNT=3' }), skipConflicts: r(true),
    }),
    refuse: () => ({ roomId: NOTHING }),
  },
  'POST /api/bookings/check': { body: (w) => ({ roomId: r(w.roomId, true), start: r(ISO.start, true), end: r(ISO.end, true), recurrence: r({ rrule: 'FREQ=DAILY;COUNT=2' }), bookingId: r(w.bookingId) }), readOnly: true },
  'PATCH /api/bookings/:bookingId': {
    params: { bookingId: 'bookingId' },
    body: (w) => ({ version: r(1, true), ...{ start: r(ISO.start), end: r(ISO.end) }, roomId: r(w.roomId), title: r('改'), kind: r('class'), expectedCount: r(3), notes: r(null), scope: r('all') }),
    refuse: () => ({ version: 999 }),
  },
  // Its query schema refuses unknown keys, so the real id is used with a broken query only.
  'DELETE /api/bookings/:bookingId': { params: { bookingId: 'bookingId' }, noInput: true, query: () => 'scope=this&version=1' },
  'GET /api/members': { query: () => 'q=张&limit=5&offset=0' },
  'POST /api/members': {
    body: () => ({ name: r('王德发', true), cardCode: r('FZ001'), memberNo: r('N-1'), phone: r('13900001111'), category: r('veteran'), gender: r('male'), birthMonth: r('1940-05'), formerUnit: r('市委'), formerPosition: r('处长'), notes: r('') }),
    refuse: () => ({ cardCode: 'M0001' }),
  },
  'POST /api/members/import': { csv: true },
  'GET /api/members/:memberId': { params: { memberId: 'memberId' } },
  'PATCH /api/members/:memberId': { params: { memberId: 'memberId' }, body: () => ({ name: r('改名'), cardCode: r(null), phone: r('13900002222'), notes: r('x') }), refuse: () => ({ cardCode: 'M0002' }) },
  'DELETE /api/members/:memberId': { params: { memberId: 'memberId' }, noInput: true },
  'POST /api/checkins': { body: (w) => ({ venueId: r(w.venueId, true), memberCode: r('M0002'), memberId: r(w.memberId), roomId: r(w.roomId), guests: r(1) }), refuse: () => ({ venueId: NOTHING }) },
  'POST /api/checkins/:visitId/checkout': { params: { visitId: 'visitId' }, noInput: true },
  'GET /api/tournaments': { query: (w) => `venueId=${w.venueId}` },
  'POST /api/tournaments': {
    body: (w) => ({ venueId: r(w.venueId, true), name: r('重阳杯', true), sport: r('table_tennis', true), format: r('round_robin', true), bestOf: r(5), groupCount: r(2), advancePerGroup: r(1), tiebreak: r({}), roomIds: r([w.roomId]), startsAt: r(ISO.start), matchMinutes: r(30), team: r(false) }),
    refuse: () => ({ venueId: NOTHING }),
  },
  'GET /api/tournaments/:tournamentId': { params: { tournamentId: 'tournamentId' } },
  'PATCH /api/tournaments/:tournamentId': { params: { tournamentId: 'tournamentId' }, body: () => ({ name: r('改名'), matchMinutes: r(20), startsAt: r(null) }), refuse: () => ({ roomIds: [NOTHING] }) },
  'DELETE /api/tournaments/:tournamentId': { params: { tournamentId: 'tournamentId' }, noInput: true },
  'POST /api/tournaments/:tournamentId/participants': { params: { tournamentId: 'tournamentId' }, body: (w) => ({ name: r('李四', true), seed: r(2), players: r([{ memberId: w.memberId }]) }), refuse: () => ({ players: [{ memberId: NOTHING }] }) },
  'PATCH /api/tournaments/:tournamentId/participants/:participantId': { params: { tournamentId: 'tournamentId', participantId: 'participantId' }, body: () => ({ name: r('王五'), seed: r(3) }), refuse: () => ({ players: [{ memberId: NOTHING }] }) },
  'DELETE /api/tournaments/:tournamentId/participants/:participantId': { params: { tournamentId: 'tournamentId', participantId: 'participantId' }, noInput: true },
  'POST /api/tournaments/:tournamentId/start': { params: { tournamentId: 'tournamentId' }, noInput: true },
  'POST /api/tournaments/:tournamentId/undo-start': { params: { tournamentId: 'tournamentId' }, noInput: true },
  'PUT /api/tournaments/:tournamentId/lots': {
    params: { tournamentId: 'tournamentId' },
    body: (w) => ({ group: r('A', true), order: r([w.participantId, NOTHING], true) }),
    refuse: () => ({ group: 'Z' }),
  },
  'PUT /api/matches/:matchId/result': { params: { matchId: 'matchId' }, body: () => ({ score: r([17, 15]) }), refuse: () => ({ walkover: NOTHING }) },
  'PUT /api/matches/:matchId/live': { params: { matchId: 'matchId' }, body: () => ({ score: r([3, 2]) }), refuse: () => ({ score: [-1, 99] }) },

  // Senior-university enrolment (docs/api.md "Senior-university enrolment").
  'POST /api/terms': {
    body: (w) => ({
      venueId: r(w.venueId, true), name: r('2028 年春季学期', true), mode: r('lottery', true), applyFrom: r('2028-01-05T09:00:00+08:00', true), applyUntil: r('2028-01-20T17:00:00+08:00', true), ...termRules,
    }),
    refuse: () => ({ venueId: NOTHING }),
  },
  'GET /api/terms': { query: (w) => `venueId=${w.venueId}` },
  'GET /api/terms/:termId': { params: { termId: 'termId' } },
  'PATCH /api/terms/:termId': {
    params: { termId: 'termId' },
    body: () => ({ name: r('改名'), applyFrom: r('2026-12-01T09:00:00+08:00'), applyUntil: r('2027-01-31T17:00:00+08:00'), ...termRules }),
    // A window that ends before it opens.
    refuse: () => ({ applyFrom: '2027-02-01T09:00:00+08:00', applyUntil: '2027-01-31T17:00:00+08:00' }),
  },
  'POST /api/terms/:termId/classes': {
    params: { termId: 'termId' },
    body: (w) => ({
      name: r('国画中级班', true), course: r('国画', true), roomId: r(w.roomId, true), capacity: r(25, true), firstStart: r('2027-09-07T09:00:00+08:00', true),
      firstEnd: r('2027-09-07T10:30:00+08:00', true), rrule: r('FREQ=WEEKLY;COUNT=2', true), teacher: r('刘老师'), level: r('中级'), feeCents: r(40_000),
      minAgeFemale: r(50), minAgeMale: r(55), maxAge: r(80), categories: r(['retired']), continuesClassId: r(null),
    }),
    refuse: () => ({ roomId: NOTHING }),
  },
  'PATCH /api/classes/:classId': {
    params: { classId: 'classId' },
    body: () => ({ name: r('改名'), course: r('书法'), teacher: r(null), level: r('初级'), feeCents: r(0), capacity: r(40), minAgeFemale: r(null), minAgeMale: r(55), maxAge: r(80), categories: r(null) }),
    // Nobody could enrol: a lower age bound above the upper one.
    refuse: () => ({ minAgeFemale: 90, maxAge: 60 }),
  },
  'GET /api/classes/:classId/roster': { params: { classId: 'firstComeClassId' } },
  'GET /api/classes/:classId/attendance': { params: { classId: 'firstComeClassId' } },
  'GET /api/terms/:termId/report': { params: { termId: 'firstComeTermId' } },
  'GET /api/terms/:termId/eligibility': { params: { termId: 'termId' }, query: (w) => `memberId=${w.memberId}` },
  'POST /api/terms/:termId/applications': {
    params: { termId: 'termId' },
    headers: () => FRESH_KEY,
    body: (w) => ({ memberId: r(w.memberId), memberCode: r('M0002'), choices: r([w.classId], true) }),
    // A class of nothing, not of this term.
    refuse: () => ({ choices: [NOTHING] }),
  },
  'GET /api/terms/:termId/applications': { params: { termId: 'termId' }, query: (w) => `classId=${w.classId}` },
  'PUT /api/applications/:applicationId': { params: { applicationId: 'applicationId' }, body: (w) => ({ choices: r([w.classId], true) }), refuse: () => ({ choices: [NOTHING] }) },
  'DELETE /api/applications/:applicationId': { params: { applicationId: 'applicationId' }, noInput: true },
  'POST /api/terms/:termId/draw': { params: { termId: 'termId' }, body: () => ({ publicNumber: r('07 19 23 31 02', true) }), refuse: BY_STATE },
  'GET /api/terms/:termId/draw': { params: { termId: 'termId' } },
  'POST /api/terms/:termId/redraw': { params: { termId: 'termId' }, body: () => ({ reason: r('公证员发现公开号码抄错', true) }), refuse: BY_STATE },
  'GET /api/terms/:termId/placements': { params: { termId: 'firstComeTermId' }, query: (w) => `classId=${w.firstComeClassId}&memberId=${w.memberId}` },
  'GET /api/terms/:termId/seats': { params: { termId: 'firstComeTermId' } },
  'POST /api/terms/:termId/renewals': { params: { termId: 'termId' }, body: (w) => ({ memberId: r(w.memberId), memberCode: r('M0002'), classId: r(w.classId, true) }), refuse: BY_STATE },
  'POST /api/placements/:placementId/withdraw': { params: { placementId: 'placementId' }, noInput: true },
  'POST /api/placements/:placementId/accept': { params: { placementId: 'placementId' }, noInput: true },
  'POST /api/placements/:placementId/decline': { params: { placementId: 'placementId' }, noInput: true },
  'POST /api/placements/:placementId/payment': { params: { placementId: 'placementId' }, body: () => ({ receiptNo: r('收据 0001', true), amountCents: r(30_000, true) }), refuse: BY_STATE },

  // Member PINs and the phone pages' sessions.
  'POST /api/members/:memberId/pin': { params: { memberId: 'memberId' }, noInput: true },
  // The fixture's member has this number and another PIN, so no body can sign in.
  'POST /api/member-auth/login': { body: () => ({ memberNo: r(FUZZ_MEMBER_NO, true), pin: r(GUESSED_PIN, true) }), readOnly: true },
  'POST /api/member-auth/logout': { noInput: true },
  'GET /api/member-auth/me': {},
};
