/**
 * The authorization matrix: for every /api route and every socket topic, who may use it and for which venues.
 * It is enforced for every request (access-check.ts, before the body is validated, so a caller who may not
 * call a route learns nothing from its validation errors) and for every `subscribe`; the services check the
 * same again where they load the rows. tests/integration/authorization-matrix.test.ts calls every route and
 * subscribes to every topic as every kind of caller and checks the answer against this table.
 *
 * A route without an entry here stops the server from starting (access-check.ts), so a new route cannot
 * ship unguarded by accident.
 */
import type { DeviceKind, Role } from '../db/schema.ts';

/** A signed-in user by role, a paired device by kind, or a member signed in on the phone pages with their PIN. */
export type Caller = Role | DeviceKind | 'member';

export const USERS: readonly Caller[] = ['admin', 'coordinator', 'referee'];
export const STAFF: readonly Caller[] = ['admin', 'coordinator'];
export const EVERY_CALLER: readonly Caller[] = ['admin', 'coordinator', 'referee', 'kiosk', 'display'];
/** The enrolment routes that a member at home also reads. */
export const EVERY_CALLER_AND_MEMBER: readonly Caller[] = [...EVERY_CALLER, 'member'];

/** Rows whose venue decides access; access-check.ts looks the venue up by the id in the request. */
export type ResourceKind = 'room' | 'booking' | 'closure' | 'device' | 'visit' | 'tournament' | 'match' | 'term' | 'class' | 'application' | 'placement';

/**
 * Where the venue a request acts on comes from. Callers other than admins must belong to it
 * (principal.ts `belongsTo`). `null`: the route is not about one venue (it filters by the caller itself,
 * or concerns the city-wide member list, or the caller's own account).
 */
export type VenueSource =
  | null
  | { in: 'params' | 'query' | 'body'; field: string; optional?: true }
  | { resource: ResourceKind; in: 'params' | 'body'; field: string };

export interface RouteAccess {
  /** 'anyone': no credentials needed. Otherwise the callers allowed (admins are always listed explicitly). */
  allow: 'anyone' | readonly Caller[];
  venue: VenueSource;
  /** A calendar feed also opens with the `?key=` of its subscription link, for calendar programs. */
  feedKey?: true;
  /** Why this is the rule: the reader of this table should not need to read the services. */
  why: string;
}

const venueParam: VenueSource = { in: 'params', field: 'venueId' };
const resource = (kind: ResourceKind, field: string, where: 'params' | 'body' = 'params'): VenueSource => ({ resource: kind, in: where, field });

export const ACCESS = {
  'GET /api/health': { allow: 'anyone', venue: null, why: 'Load balancers and monitors probe it; it tells nothing private.' },

  // Sessions and accounts
  'POST /api/auth/login': { allow: 'anyone', venue: null, why: 'Signing in; rate-limited by address and by user name.' },
  'POST /api/auth/logout': { allow: 'anyone', venue: null, why: 'Ends the session of the cookie sent, if any; harmless without one.' },
  'GET /api/auth/me': { allow: EVERY_CALLER, venue: null, why: 'Who am I: every signed-in user and paired device.' },
  'POST /api/auth/password': { allow: USERS, venue: null, why: 'A user changes their own password; devices have none.' },
  'POST /api/auth/logout-all': { allow: USERS, venue: null, why: 'A user ends all their own sessions.' },
  'GET /api/users': { allow: ['admin'], venue: null, why: 'Accounts are managed by admins only.' },
  'POST /api/users': { allow: ['admin'], venue: null, why: 'Accounts are managed by admins only.' },
  'PATCH /api/users/:userId': { allow: ['admin'], venue: null, why: 'Accounts are managed by admins only (role, venues, disabling, password resets).' },
  'GET /api/audit': { allow: ['admin'], venue: null, why: 'Who changed what, across every venue and account: admins only.' },

  // Venues and rooms
  'GET /api/venues': { allow: EVERY_CALLER_AND_MEMBER, venue: null, why: 'Lists only the venues the caller belongs to; a member, every centre (names and hours are public; the phone pages show them).' },
  'POST /api/venues': { allow: ['admin'], venue: null, why: 'Opening a centre is the bureau’s decision.' },
  'GET /api/venues/:venueId': { allow: EVERY_CALLER_AND_MEMBER, venue: venueParam, why: 'Staff, kiosks and displays of the venue read its name, zone and hours; a member, any centre’s (public; the phone pages show them).' },
  'PATCH /api/venues/:venueId': { allow: ['admin'], venue: venueParam, why: 'A centre’s name, time zone and opening hours are set by the bureau.' },
  'GET /api/venues/:venueId/rooms': { allow: EVERY_CALLER, venue: venueParam, why: 'Rooms are shown on every screen of the venue.' },
  'POST /api/venues/:venueId/rooms': { allow: STAFF, venue: venueParam, why: 'The venue’s coordinators set up its rooms.' },
  'PATCH /api/rooms/:roomId': { allow: STAFF, venue: resource('room', 'roomId'), why: 'The venue’s coordinators set up its rooms.' },
  'GET /api/venues/:venueId/headcount': { allow: EVERY_CALLER, venue: venueParam, why: 'Who is in the building: staff, kiosks and hall screens of the venue (counts only).' },

  // Calendar feeds: subscription links (each a token of its own) are for people; the token then opens the feed.
  'GET /api/venues/:venueId/calendar-link': { allow: USERS, venue: venueParam, why: 'A person lists their own subscription links to the venue’s feed (never the tokens).' },
  'POST /api/venues/:venueId/calendar-link': { allow: USERS, venue: venueParam, why: 'Staff assigned to the venue (and admins) make a link; it outlives any device token, so no kiosk or screen, and no city-wide referee (403 from the service).' },
  'GET /api/rooms/:roomId/calendar-link': { allow: USERS, venue: resource('room', 'roomId'), why: 'A person lists their own subscription links to the room’s feed (never the tokens).' },
  'POST /api/rooms/:roomId/calendar-link': { allow: USERS, venue: resource('room', 'roomId'), why: 'Staff assigned to the venue (and admins) make a link; it outlives any device token, so no kiosk or screen, and no city-wide referee (403 from the service).' },
  'GET /api/venues/:venueId/calendar.ics': { allow: EVERY_CALLER, venue: venueParam, feedKey: true, why: 'Calendar programs fetch it with a live link’s key (its owner may read the venue now); callers of the venue without (devices get no notes).' },
  'GET /api/rooms/:roomId/calendar.ics': { allow: EVERY_CALLER, venue: resource('room', 'roomId'), feedKey: true, why: 'Calendar programs fetch it with a live link’s key (its owner may read the venue now); callers of the venue without (devices get no notes).' },
  'GET /api/calendar-links': { allow: USERS, venue: null, why: 'A person lists their own subscription links.' },
  'GET /api/calendar-links/all': { allow: ['admin'], venue: null, why: 'Admins see every person’s subscription links, to revoke the ones that should not live on.' },
  'DELETE /api/calendar-links/:linkId': { allow: USERS, venue: null, why: 'A link is revoked by its owner or an admin; anyone else’s link is not found.' },

  // Closures
  'GET /api/venues/:venueId/closures': { allow: EVERY_CALLER, venue: venueParam, why: 'Shown on the venue’s calendar and screens.' },
  'POST /api/venues/:venueId/closures': { allow: STAFF, venue: venueParam, why: 'The venue’s coordinators close rooms or days.' },
  'DELETE /api/closures/:closureId': { allow: STAFF, venue: resource('closure', 'closureId'), why: 'The venue’s coordinators close rooms or days.' },

  // Devices
  'GET /api/devices': { allow: STAFF, venue: { in: 'query', field: 'venueId', optional: true }, why: 'Coordinators see their venues’ devices; without venueId, those of all their venues.' },
  'POST /api/devices': { allow: STAFF, venue: { in: 'body', field: 'venueId' }, why: 'A coordinator pairs kiosks and screens for their venue.' },
  'POST /api/devices/pair': { allow: 'anyone', venue: null, why: 'A new device has no credentials yet; the single-use code is the credential (rate-limited).' },
  'GET /api/devices/pairing-status': { allow: STAFF, venue: null, why: 'Whether pairing is paused site-wide after too many wrong codes: staff adding a device see why and until when.' },
  'POST /api/devices/pairing-status/resume': { allow: ['admin'], venue: null, why: 'Resuming paused pairing early gives guessers new tries: an admin’s decision, audited.' },
  'DELETE /api/devices/:deviceId': { allow: STAFF, venue: resource('device', 'deviceId'), why: 'A coordinator unpairs a lost or stolen device of their venue.' },

  // Bookings
  'GET /api/bookings': { allow: EVERY_CALLER, venue: { in: 'query', field: 'venueId' }, why: 'The venue’s calendar: staff, referees, kiosks and displays of the venue.' },
  'POST /api/bookings': { allow: STAFF, venue: resource('room', 'roomId', 'body'), why: 'The venue’s coordinators book its rooms.' },
  'POST /api/bookings/check': { allow: STAFF, venue: resource('room', 'roomId', 'body'), why: 'The booking form asks before booking; same right as booking.' },
  'PATCH /api/bookings/:bookingId': { allow: STAFF, venue: resource('booking', 'bookingId'), why: 'The venue’s coordinators move and edit its bookings.' },
  'DELETE /api/bookings/:bookingId': { allow: STAFF, venue: resource('booking', 'bookingId'), why: 'The venue’s coordinators cancel its bookings.' },

  // Members (one city-wide ledger: a member may visit any centre)
  'GET /api/members': { allow: ['admin', 'coordinator', 'kiosk'], venue: null, why: 'Staff search the ledger; a kiosk finds a member by name (short list, personal fields masked).' },
  'GET /api/members/:memberId': { allow: ['admin', 'coordinator', 'kiosk'], venue: null, why: 'Staff open a member; a kiosk only sees the masked card.' },
  'POST /api/members': { allow: STAFF, venue: null, why: 'Coordinators of any centre enrol members in the city’s ledger.' },
  'POST /api/members/import': { allow: STAFF, venue: null, why: 'Coordinators import the ledger from Excel.' },
  'PATCH /api/members/:memberId': { allow: STAFF, venue: null, why: 'Coordinators correct members’ details.' },
  'DELETE /api/members/:memberId': { allow: ['admin'], venue: null, why: 'Removing a person (anonymising them) is an admin’s decision.' },

  // Check-in
  'POST /api/checkins': { allow: ['admin', 'coordinator', 'kiosk'], venue: { in: 'body', field: 'venueId' }, why: 'The venue’s kiosks and staff check people in.' },
  'POST /api/checkins/:visitId/checkout': { allow: ['admin', 'coordinator', 'kiosk'], venue: resource('visit', 'visitId'), why: 'The venue’s kiosks and staff check people out.' },

  // Tournaments
  'GET /api/tournaments': { allow: EVERY_CALLER, venue: { in: 'query', field: 'venueId' }, why: 'Tournaments of the venue, for its staff, referees and screens.' },
  'POST /api/tournaments': { allow: STAFF, venue: { in: 'body', field: 'venueId' }, why: 'The venue’s coordinators run its tournaments.' },
  'GET /api/tournaments/:tournamentId': { allow: EVERY_CALLER, venue: resource('tournament', 'tournamentId'), why: 'Brackets and standings are public in the hall; only callers of the venue fetch them.' },
  'PATCH /api/tournaments/:tournamentId': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'The venue’s coordinators run its tournaments.' },
  'DELETE /api/tournaments/:tournamentId': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'The venue’s coordinators run its tournaments.' },
  'POST /api/tournaments/:tournamentId/participants': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'Entries are taken by the venue’s coordinators.' },
  'PATCH /api/tournaments/:tournamentId/participants/:participantId': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'Entries are taken by the venue’s coordinators.' },
  'DELETE /api/tournaments/:tournamentId/participants/:participantId': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'Entries are taken by the venue’s coordinators.' },
  'POST /api/tournaments/:tournamentId/start': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'The draw is made by the venue’s coordinators.' },
  'POST /api/tournaments/:tournamentId/undo-start': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'The venue’s coordinators take a start back while nothing has been played.' },
  'PUT /api/tournaments/:tournamentId/lots': { allow: STAFF, venue: resource('tournament', 'tournamentId'), why: 'The venue’s coordinators record the draw for players tied by lot.' },
  'PUT /api/matches/:matchId/result': { allow: USERS, venue: resource('match', 'matchId'), why: 'Referees of the venue (or city-wide) score; its coordinators correct.' },
  'PUT /api/matches/:matchId/live': { allow: USERS, venue: resource('match', 'matchId'), why: 'The running score, from the referee’s tablet.' },
  // Senior-university enrolment (docs/enrolment.md). Members are city-wide: a member signed in on the phone pages
  // passes the venue check of any term (principal.ts belongsTo), and the services limit them to their own rows.
  'POST /api/terms': { allow: STAFF, venue: { in: 'body', field: 'venueId' }, why: 'The venue’s academic office (its coordinators) opens a term.' },
  'GET /api/terms': { allow: EVERY_CALLER_AND_MEMBER, venue: { in: 'query', field: 'venueId' }, why: 'Terms of the venue: its staff, its kiosks (报名), its hall screens and members at home.' },
  'GET /api/terms/:termId': { allow: EVERY_CALLER_AND_MEMBER, venue: resource('term', 'termId'), why: 'A term and its classes, as the kiosk, the phone pages and the seat board show them.' },
  'PATCH /api/terms/:termId': { allow: STAFF, venue: resource('term', 'termId'), why: 'The venue’s academic office moves the windows and sets the rules.' },
  'POST /api/terms/:termId/classes': { allow: STAFF, venue: resource('term', 'termId'), why: 'The venue’s academic office sets up classes (and books their sessions).' },
  'PATCH /api/classes/:classId': { allow: STAFF, venue: resource('class', 'classId'), why: 'The venue’s academic office corrects a class.' },
  'GET /api/classes/:classId/attendance': { allow: STAFF, venue: resource('class', 'classId'), why: 'Who came to which session, with names and phones for the office’s calls: staff only.' },
  'GET /api/terms/:termId/report': { allow: STAFF, venue: resource('term', 'termId'), why: 'The term’s figures for the academic office and the bureau.' },
  'GET /api/classes/:classId/roster': { allow: STAFF, venue: resource('class', 'classId'), why: 'The 花名册 lists names and phones: staff only.' },
  'GET /api/terms/:termId/eligibility': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('term', 'termId'), why: 'Which classes a member may choose: the desk, the kiosk that scanned their card, or the member themselves.' },
  'POST /api/terms/:termId/applications': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('term', 'termId'), why: 'Applications are made at the desk, at the venue’s kiosks, or by the member at home (for themselves only).' },
  'GET /api/terms/:termId/applications': { allow: STAFF, venue: resource('term', 'termId'), why: 'Who applied for what, with names: the academic office.' },
  'PUT /api/applications/:applicationId': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('application', 'applicationId'), why: 'Choices change while the window is open, where they were made (a member only their own).' },
  'DELETE /api/applications/:applicationId': { allow: ['admin', 'coordinator', 'member'], venue: resource('application', 'applicationId'), why: 'An application is taken back by the office or by its member.' },
  'POST /api/terms/:termId/draw': { allow: STAFF, venue: resource('term', 'termId'), why: 'The public draw is run by the venue’s academic office.' },
  'GET /api/terms/:termId/draw': { allow: 'anyone', venue: null, why: 'A draw is published so that anyone can check it; it names applications by id only.' },
  'POST /api/terms/:termId/redraw': { allow: ['admin'], venue: resource('term', 'termId'), why: 'Undoing a public draw is the bureau’s decision, with a reason, audited.' },
  'GET /api/terms/:termId/placements': { allow: ['admin', 'coordinator', 'member'], venue: resource('term', 'termId'), why: 'Who got a seat: the office; a member sees only their own.' },
  'GET /api/terms/:termId/seats': { allow: EVERY_CALLER_AND_MEMBER, venue: resource('term', 'termId'), why: 'Seat counts (no names): staff, kiosks, the hall’s seat board and members.' },
  'POST /api/terms/:termId/renewals': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('term', 'termId'), why: 'A returning student confirms their seat (续报) at the desk, the kiosk or at home.' },
  'POST /api/placements/:placementId/withdraw': { allow: ['admin', 'coordinator', 'member'], venue: resource('placement', 'placementId'), why: 'A seat is given up by the office or by its member.' },
  'POST /api/placements/:placementId/accept': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('placement', 'placementId'), why: 'An offered seat is taken by its member, at the desk, the kiosk or at home.' },
  'POST /api/placements/:placementId/decline': { allow: ['admin', 'coordinator', 'kiosk', 'member'], venue: resource('placement', 'placementId'), why: 'An offered seat is given up so that the next person is asked at once.' },
  'POST /api/placements/:placementId/payment': { allow: STAFF, venue: resource('placement', 'placementId'), why: 'Fees are taken at the desk, with a receipt number.' },
  'POST /api/members/:memberId/pin': { allow: STAFF, venue: null, why: 'The desk issues (or resets) a member’s PIN for the phone pages, after seeing the person.' },
  'POST /api/member-auth/login': { allow: 'anyone', venue: null, why: 'A member signs in with member number and PIN; rate-limited like staff passwords.' },
  'POST /api/member-auth/logout': { allow: 'anyone', venue: null, why: 'Ends the member session of the cookie sent, if any.' },
  'GET /api/member-auth/me': { allow: ['member'], venue: null, why: 'Who am I, for the phone pages.' },
  // Reports (docs/api.md "Reports"): figures of one venue the caller looks after, or (venueId omitted) of all of them.
  'GET /api/reports/visits': { allow: STAFF, venue: { in: 'query', field: 'venueId', optional: true }, why: 'Visit figures are for the bureau and the venues’ coordinators; without venueId, the caller’s own venues (all for an admin).' },
  'GET /api/reports/tournaments': { allow: STAFF, venue: { in: 'query', field: 'venueId', optional: true }, why: 'Competition figures, for the bureau and the venues’ coordinators; without venueId, the caller’s own venues.' },
  'GET /api/reports/yearly': { allow: STAFF, venue: { in: 'query', field: 'venueId', optional: true }, why: 'The bureau’s yearly summary of a venue (or of the caller’s venues): staff only.' },
  'GET /api/reports/absent-members': { allow: STAFF, venue: { in: 'query', field: 'venueId', optional: true }, why: 'Names and phones of members not seen lately, for home visits: staff of the venues they came to.' },
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ACCESS;

/** Socket topics (`kind:ID`): who may subscribe, by the venue the topic belongs to. */
export const TOPIC_ACCESS = {
  venue: { allow: EVERY_CALLER, venue: 'the venue itself', why: 'Bookings, check-ins and headcounts of one venue: its staff, referees, kiosks and screens.' },
  tournament: { allow: EVERY_CALLER, venue: 'the tournament’s venue', why: 'Matches and standings: the venue’s staff, referees and hall screens.' },
  term: { allow: EVERY_CALLER_AND_MEMBER, venue: 'the term’s venue', why: 'Seat counts of a term (no names): staff, kiosks, the seat board and members following their waiting list.' },
} as const satisfies Record<string, { allow: readonly Caller[]; venue: string; why: string }>;

export type TopicKind = keyof typeof TOPIC_ACCESS;

/** The table's key for a Fastify route: HEAD is answered by the GET route. */
export function routeKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

export function accessFor(method: string, url: string): RouteAccess | undefined {
  return (ACCESS as Record<string, RouteAccess>)[routeKey(method, url)];
}
