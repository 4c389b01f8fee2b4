/**
 * The Database type: one interface per table, camelCase (Kysely's CamelCasePlugin maps to snake_case).
 * Both drivers return the same JavaScript types (see type-parsers.ts): int8 → number, timestamptz → Date,
 * date → 'YYYY-MM-DD' string, jsonb → parsed value.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ApplicationChannel, BookingKind, DeviceKind, MemberCategory, PlacementSource, PlacementStatus, Role, RoomKind, TermMode, WithdrawnReason } from '../shared/enums.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date, Date | string, Date | string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

// The lists of kinds and roles are shared with the apps; the tables' column types are re-exported for the modules.
export type { BookingKind, DeviceKind, MemberCategory, Role, RoomKind } from '../shared/enums.ts';

export interface VenuesTable {
  id: Generated<string>;
  name: string;
  timezone: string;
  /** Local opening time 'HH:MM' in the venue's zone. */
  opensAt: ColumnType<string, string | undefined, string>;
  /** Local closing time 'HH:MM'; visits still open then are closed. */
  closesAt: ColumnType<string, string | undefined, string>;
  createdAt: CreatedAt;
}

export interface RoomsTable {
  id: Generated<string>;
  venueId: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  passwordHash: string;
  role: Role;
  disabledAt: NullableInstant;
  createdAt: CreatedAt;
}

export interface UserVenuesTable {
  userId: string;
  venueId: string;
}

export interface SessionsTable {
  id: Generated<string>;
  /** sha256 of the cookie's token, hex; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Instant;
  revokedAt: NullableInstant;
  /** Last request made with it (written at most every few minutes); an idle session lapses (auth/expiry.ts). */
  lastUsedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Attempt counters shared by every process (server/http/shared-rate-limiter.ts). */
export interface RateLimitsTable {
  key: string;
  windowStart: ColumnType<Date, Date | string, Date | string>;
  count: number;
}

export interface DevicesTable {
  id: Generated<string>;
  kind: DeviceKind;
  venueId: string;
  name: string;
  /** sha256 of the bearer token, hex; null until paired. */
  tokenHash: string | null;
  /** sha256 of the pending pairing code; cleared when used. */
  pairingCodeHash: string | null;
  pairingExpiresAt: NullableInstant;
  pairedAt: NullableInstant;
  revokedAt: NullableInstant;
  lastSeenAt: NullableInstant;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export type BookingStatus = 'confirmed' | 'cancelled';

/** `during` is a tstzrange; queries read it as lower()/upper() instants, never as the range's text. */
export interface BookingsTable {
  id: Generated<string>;
  venueId: string;
  roomId: string;
  during: ColumnType<string, string, string>;
  title: string;
  kind: BookingKind;
  status: ColumnType<BookingStatus, BookingStatus | undefined, BookingStatus>;
  expectedCount: number | null;
  notes: string | null;
  seriesId: string | null;
  /** Local date ('YYYY-MM-DD') the occurrence was generated for; kept when it is moved. */
  occurrenceDate: string | null;
  version: ColumnType<number, number | undefined, number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BookingSeriesTable {
  id: Generated<string>;
  venueId: string;
  roomId: string;
  title: string;
  kind: BookingKind;
  rrule: string;
  timezone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  exdates: ColumnType<string[], string | undefined, string>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface VenueClosuresTable {
  id: Generated<string>;
  venueId: string;
  roomId: string | null;
  during: ColumnType<string, string, string>;
  reason: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface MembersTable {
  id: Generated<string>;
  memberNo: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  /** 'YYYY-MM' */
  birthMonth: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  category: ColumnType<MemberCategory, MemberCategory | undefined, MemberCategory>;
  phone: string | null;
  cardCode: string | null;
  notes: string | null;
  /** The name's pinyin readings and initials, for search (members/pinyin.ts; set by every insert and rename). */
  namePinyin: string | null;
  nameInitials: string | null;
  removedAt: NullableInstant;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type VisitEndReason = 'checkout' | 'moved' | 'closing';

export interface VisitsTable {
  id: Generated<string>;
  venueId: string;
  memberId: string | null;
  guests: ColumnType<number, number | undefined, number>;
  roomId: string | null;
  bookingId: string | null;
  checkedInAt: ColumnType<Date, Date | string | undefined, Date | string>;
  checkedOutAt: NullableInstant;
  endedReason: VisitEndReason | null;
  deviceId: string | null;
  createdBy: string | null;
}

export interface CheckinKeysTable {
  idempotencyKey: string;
  visitId: string;
  createdAt: CreatedAt;
}

export interface TournamentsTable {
  id: Generated<string>;
  venueId: string;
  name: string;
  sport: 'table_tennis' | 'gateball';
  format: 'single_elimination' | 'double_elimination' | 'round_robin' | 'groups_then_knockout';
  bestOf: number | null;
  /** Table tennis team event: each match is up to five rubbers, won at three. */
  team: ColumnType<boolean, boolean | undefined, boolean>;
  groupCount: number | null;
  advancePerGroup: number | null;
  tiebreak: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: ColumnType<'draft' | 'running' | 'finished', 'draft' | 'running' | 'finished' | undefined, 'draft' | 'running' | 'finished'>;
  draw: ColumnType<unknown, string | null | undefined, string | null>;
  startsAt: NullableInstant;
  matchMinutes: ColumnType<number, number | undefined, number>;
  roomIds: ColumnType<string[], string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ParticipantsTable {
  id: Generated<string>;
  tournamentId: string;
  name: string;
  seed: number | null;
  players: ColumnType<Array<{ memberId: string | null; name: string; ballNumber: number | null }>, string | undefined, string>;
  createdAt: CreatedAt;
}

export type MatchRowStatus = 'waiting' | 'ready' | 'live' | 'done' | 'bye';

export interface MatchesTable {
  id: Generated<string>;
  tournamentId: string;
  key: string;
  stage: string;
  groupName: string | null;
  round: number;
  number: number;
  side1: string | null;
  side2: string | null;
  status: MatchRowStatus;
  winnerId: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  live: ColumnType<unknown, string | null | undefined, string | null>;
  flag: string | null;
  roomId: string | null;
  scheduledAt: NullableInstant;
  version: ColumnType<number, number | undefined, number>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MatchResultsTable {
  id: Generated<number>;
  matchId: string;
  result: ColumnType<unknown, string | null, string | null>;
  enteredFor: ColumnType<[string, string], string, string>;
  enteredBy: string | null;
  enteredAt: CreatedAt;
  supersededAt: NullableInstant;
}

export interface OutboxTable {
  /** Insertion order; writers' rows are numbered (seq) by the sequencer after they commit. */
  id: Generated<number>;
  /** Null until the sequencer numbers the row (server/realtime/outbox.ts). */
  seq: ColumnType<number | null, never, never>;
  topic: string;
  type: string;
  data: ColumnType<unknown, string, never>;
  computeFn: ColumnType<string | null, string | null | undefined, never>;
  computeArg: ColumnType<string | null, string | null | undefined, never>;
  at: CreatedAt;
}

export interface OutboxHorizonTable {
  id: ColumnType<number, number, never>;
  /** Every seq up to and including this one may have been pruned: older `after`s must resync. */
  prunedThrough: number;
}

export interface AppMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export const AUDIT_ACTOR_KINDS = ['user', 'device', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
export const AUDIT_ENTITY_KINDS = ['booking', 'member', 'match', 'user', 'device', 'tournament', 'calendar_link', 'term', 'placement'] as const;
export type AuditEntityKind = (typeof AUDIT_ENTITY_KINDS)[number];

/** Who changed what and when (server/modules/audit). Written in the change's own transaction; never secrets. */
export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actorKind: AuditActorKind;
  actorId: string | null;
  /** The actor's name when the entry was written. */
  actorName: string;
  /** `entity.verb`, e.g. 'booking.created'. */
  action: string;
  entityKind: AuditEntityKind;
  entityId: string | null;
  entityLabel: string | null;
  venueId: string | null;
  /** {field: {from, to}} for the changed fields. */
  changes: ColumnType<Record<string, { from: unknown; to: unknown }>, string | undefined, string>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** A venue's local month rolled up into report_member_months (migration 202611291600). */
export interface ReportMonthsTable {
  venueId: string;
  /** First day of the month in the venue's zone, 'YYYY-MM-DD'. */
  month: string;
  /** The zone the month was rolled up in. */
  timezone: string;
  rolledUpAt: CreatedAt;
}

/** Person-visits and guests per venue, local month and member (null: guests who came without a member). */
export interface ReportMemberMonthsTable {
  venueId: string;
  month: string;
  memberId: string | null;
  visits: number;
  guests: number;
}

/**
 * A calendar subscription link (migration 202612071700): a random token, stored as its sha256, owned by a
 * user, for one venue's or one room's feed (server/modules/calendar-links).
 */
export interface CalendarLinksTable {
  id: Generated<string>;
  userId: string;
  venueId: string;
  /** Null: the whole venue's feed. */
  roomId: string | null;
  label: string;
  tokenHash: string;
  createdAt: CreatedAt;
  lastUsedAt: NullableInstant;
  revokedAt: NullableInstant;
}

/** A senior-university term (migration 202612080000; docs/enrolment.md). */
export interface TermsTable {
  id: Generated<string>;
  venueId: string;
  name: string;
  mode: TermMode;
  renewFrom: NullableInstant;
  renewUntil: NullableInstant;
  applyFrom: Instant;
  applyUntil: Instant;
  classesPerMember: ColumnType<number, number | undefined, number>;
  choicesPerApplication: ColumnType<number, number | undefined, number>;
  priorityCategories: ColumnType<MemberCategory[], MemberCategory[] | undefined, MemberCategory[]>;
  offerHours: ColumnType<number, number | undefined, number>;
  payUntil: NullableInstant;
  /** Hidden until the draw. */
  secret: string;
  seedHash: string;
  drawnAt: NullableInstant;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TermClassesTable {
  id: Generated<string>;
  termId: string;
  name: string;
  course: string;
  teacher: string | null;
  level: string | null;
  feeCents: ColumnType<number, number | undefined, number>;
  roomId: string;
  seriesId: string | null;
  firstStart: Instant;
  firstEnd: Instant;
  rrule: string;
  capacity: number;
  /** Admitted + offered, kept by the placements triggers; never written by the services. */
  taken: ColumnType<number, never, never>;
  waitlistSeq: ColumnType<number, number | undefined, number>;
  minAgeFemale: number | null;
  minAgeMale: number | null;
  maxAge: number | null;
  categories: MemberCategory[] | null;
  continuesClassId: string | null;
  createdAt: CreatedAt;
}

export interface EnrolmentApplicationsTable {
  id: Generated<string>;
  termId: string;
  memberId: string;
  choices: string[];
  idempotencyKey: string;
  channel: ApplicationChannel;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PlacementsTable {
  id: Generated<string>;
  termId: string;
  classId: string;
  memberId: string;
  applicationId: string | null;
  status: PlacementStatus;
  source: PlacementSource;
  queueNo: number | null;
  offerExpiresAt: NullableInstant;
  payBy: NullableInstant;
  paidAt: NullableInstant;
  receiptNo: string | null;
  amountCents: number | null;
  withdrawnReason: WithdrawnReason | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TermDrawsTable {
  id: Generated<string>;
  termId: string;
  round: number;
  secret: string;
  seedHash: string;
  publicNumber: string;
  seed: string;
  published: ColumnType<unknown, string, string>;
  drawnBy: string | null;
  drawnAt: CreatedAt;
  supersededAt: NullableInstant;
  supersededReason: string | null;
}

export interface TermSeatChangesTable {
  termId: string;
  at: CreatedAt;
}

export interface MemberPinsTable {
  memberId: string;
  pinHash: string;
  setBy: string | null;
  setAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MemberSessionsTable {
  id: Generated<string>;
  memberId: string;
  tokenHash: string;
  createdAt: CreatedAt;
  lastSeenAt: ColumnType<Date, Date | string | undefined, Date | string>;
  expiresAt: Instant;
}

export interface DB {
  venues: VenuesTable;
  rooms: RoomsTable;
  users: UsersTable;
  userVenues: UserVenuesTable;
  sessions: SessionsTable;
  rateLimits: RateLimitsTable;
  devices: DevicesTable;
  outbox: OutboxTable;
  outboxHorizon: OutboxHorizonTable;
  appMeta: AppMetaTable;
  bookings: BookingsTable;
  bookingSeries: BookingSeriesTable;
  venueClosures: VenueClosuresTable;
  members: MembersTable;
  visits: VisitsTable;
  reportMonths: ReportMonthsTable;
  reportMemberMonths: ReportMemberMonthsTable;
  checkinKeys: CheckinKeysTable;
  tournaments: TournamentsTable;
  participants: ParticipantsTable;
  matches: MatchesTable;
  matchResults: MatchResultsTable;
  auditLog: AuditLogTable;
  calendarLinks: CalendarLinksTable;
  terms: TermsTable;
  termClasses: TermClassesTable;
  enrolmentApplications: EnrolmentApplicationsTable;
  placements: PlacementsTable;
  termDraws: TermDrawsTable;
  termSeatChanges: TermSeatChangesTable;
  memberPins: MemberPinsTable;
  memberSessions: MemberSessionsTable;
}

export type Venue = Selectable<VenuesTable>;
export type Room = Selectable<RoomsTable>;
export type NewRoom = Insertable<RoomsTable>;
export type RoomUpdate = Updateable<RoomsTable>;
export type User = Selectable<UsersTable>;
export type Device = Selectable<DevicesTable>;
export type OutboxRow = Selectable<OutboxTable>;
