/** The enrolment interface (docs/api.md "Senior-university enrolment"): terms, classes, applications, draws, placements. */
import { Type, type Static } from 'typebox';
import { Id, Instant, Line, NullableInstant, OneOf } from '../../http/schemas.ts';
import { TERM_PHASES, type TermPhase } from '../../shared/term-phase.ts';
import { APPLICATION_CHANNELS, MEMBER_CATEGORIES, PLACEMENT_SOURCES, PLACEMENT_STATUSES, TERM_MODES, WITHDRAWN_REASONS } from '../../shared/enums.ts';

const Title = Line({ minLength: 1, maxLength: 80, notBlank: true });
const Category = OneOf(MEMBER_CATEGORIES);
const Categories = Type.Array(Category, { maxItems: MEMBER_CATEGORIES.length, uniqueItems: true });
const Age = Type.Integer({ minimum: 0, maximum: 130 });
const Fee = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'In fen (1/100 yuan).' });
/**
 * Null first: Fastify's validator coerces types, and against `[integer, null]` it would turn a null (meaning "no
 * limit") into 0 (a maximum age of 0: nobody) before trying the null branch.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([Type.Null(), schema]);

export type { TermPhase };

export const TermSchema = Type.Object({
  id: Id,
  venueId: Id,
  name: Type.String(),
  mode: OneOf(TERM_MODES),
  renewFrom: NullableInstant,
  renewUntil: NullableInstant,
  applyFrom: Instant,
  applyUntil: Instant,
  classesPerMember: Type.Integer(),
  choicesPerApplication: Type.Integer(),
  priorityCategories: Type.Array(Category),
  offerHours: Type.Integer(),
  payUntil: NullableInstant,
  seedHash: Type.String(),
  drawnAt: NullableInstant,
  phase: OneOf(TERM_PHASES),
  applications: Type.Integer(),
});
export type TermDto = Static<typeof TermSchema>;

const termRules = {
  renewFrom: Type.Optional(Nullable(Instant)),
  renewUntil: Type.Optional(Nullable(Instant)),
  classesPerMember: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  choicesPerApplication: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  priorityCategories: Type.Optional(Categories),
  offerHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
  payUntil: Type.Optional(Nullable(Instant)),
};

export const CreateTermBody = Type.Object(
  { venueId: Id, name: Title, mode: OneOf(TERM_MODES), applyFrom: Instant, applyUntil: Instant, ...termRules },
  { additionalProperties: false },
);
export type CreateTermInput = Static<typeof CreateTermBody>;

export const UpdateTermBody = Type.Object(
  { name: Type.Optional(Title), applyFrom: Type.Optional(Instant), applyUntil: Type.Optional(Instant), ...termRules },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTermInput = Static<typeof UpdateTermBody>;

export const SeatCountsSchema = Type.Object({
  admitted: Type.Integer(),
  waitlisted: Type.Integer(),
  offered: Type.Integer(),
  /** Applications naming the class at all, and naming it first. */
  applicants: Type.Integer(),
  firstChoice: Type.Integer(),
});
export type SeatCounts = Static<typeof SeatCountsSchema>;

const eligibility = {
  minAgeFemale: Type.Optional(Nullable(Age)),
  minAgeMale: Type.Optional(Nullable(Age)),
  maxAge: Type.Optional(Nullable(Age)),
  categories: Type.Optional(Nullable(Categories)),
};

export const ClassSchema = Type.Object({
  id: Id,
  termId: Id,
  name: Type.String(),
  course: Type.String(),
  teacher: Nullable(Type.String()),
  level: Nullable(Type.String()),
  feeCents: Type.Integer(),
  roomId: Id,
  capacity: Type.Integer(),
  firstStart: Instant,
  firstEnd: Instant,
  rrule: Type.String(),
  seriesId: Nullable(Id),
  minAgeFemale: Nullable(Type.Integer()),
  minAgeMale: Nullable(Type.Integer()),
  maxAge: Nullable(Type.Integer()),
  categories: Nullable(Type.Array(Category)),
  continuesClassId: Nullable(Id),
  seats: SeatCountsSchema,
});
export type ClassDto = Static<typeof ClassSchema>;

export const CreateClassBody = Type.Object(
  {
    name: Title,
    course: Title,
    roomId: Id,
    capacity: Type.Integer({ minimum: 1, maximum: 2000 }),
    firstStart: Instant,
    firstEnd: Instant,
    rrule: Line({ minLength: 1, maxLength: 500 }),
    teacher: Type.Optional(Nullable(Title)),
    level: Type.Optional(Nullable(Line({ minLength: 1, maxLength: 40, notBlank: true }))),
    feeCents: Type.Optional(Fee),
    continuesClassId: Type.Optional(Nullable(Id)),
    ...eligibility,
  },
  { additionalProperties: false },
);
export type CreateClassInput = Static<typeof CreateClassBody>;

export const UpdateClassBody = Type.Object(
  {
    name: Type.Optional(Title),
    course: Type.Optional(Title),
    teacher: Type.Optional(Nullable(Title)),
    level: Type.Optional(Nullable(Line({ minLength: 1, maxLength: 40, notBlank: true }))),
    feeCents: Type.Optional(Fee),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
    ...eligibility,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateClassInput = Static<typeof UpdateClassBody>;

export const TermView = Type.Object({ term: TermSchema, classes: Type.Array(ClassSchema) });

export const ApplicationSchema = Type.Object({
  id: Id,
  termId: Id,
  memberId: Id,
  choices: Type.Array(Id),
  channel: OneOf(APPLICATION_CHANNELS),
  createdAt: Instant,
  updatedAt: Instant,
  /** Staff only. */
  memberName: Type.Optional(Type.String()),
  memberNo: Type.Optional(Nullable(Type.String())),
});
export type ApplicationDto = Static<typeof ApplicationSchema>;

export const PlacementSchema = Type.Object({
  id: Id,
  termId: Id,
  applicationId: Nullable(Id),
  memberId: Id,
  classId: Id,
  status: OneOf(PLACEMENT_STATUSES),
  /** The current place on the waiting list (1 = next) while waitlisted; else null. */
  position: Nullable(Type.Integer()),
  source: OneOf(PLACEMENT_SOURCES),
  offerExpiresAt: NullableInstant,
  payBy: NullableInstant,
  paidAt: NullableInstant,
  receiptNo: Nullable(Type.String()),
  amountCents: Nullable(Type.Integer()),
  withdrawnReason: Nullable(OneOf(WITHDRAWN_REASONS)),
  /** Staff only. */
  memberName: Type.Optional(Type.String()),
  memberNo: Type.Optional(Nullable(Type.String())),
});
export type PlacementDto = Static<typeof PlacementSchema>;

/** Who applies: a member by id (desk, phone) or by the code on their card (kiosk). */
const memberRef = { memberId: Type.Optional(Id), memberCode: Type.Optional(Line({ minLength: 1, maxLength: 64 })) };

export const Choices = Type.Array(Id, { minItems: 1, maxItems: 10 });
export const ApplyBody = Type.Object({ ...memberRef, choices: Choices }, { additionalProperties: false });
export type ApplyInput = Static<typeof ApplyBody>;
export const UpdateApplicationBody = Type.Object({ choices: Choices }, { additionalProperties: false });

export const ApplyResponse = Type.Object({ application: ApplicationSchema, placements: Type.Optional(Type.Array(PlacementSchema)) });

export const RenewBody = Type.Object({ ...memberRef, classId: Id }, { additionalProperties: false });
export type RenewInput = Static<typeof RenewBody>;

export const EligibilityQuery = Type.Object({ memberId: Type.Optional(Id), memberCode: Type.Optional(Line({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false });

export const IneligibleReasonSchema = Type.Object({
  code: OneOf(['age', 'gender_unknown', 'birth_unknown', 'category', 'continuation', 'already_placed'] as const),
  zh: Type.String(),
  en: Type.String(),
});
export type IneligibleReason = Static<typeof IneligibleReasonSchema>;

export const EligibilityView = Type.Object({
  member: Type.Object({ id: Id, name: Type.String() }),
  classes: Type.Array(Type.Object({ classId: Id, eligible: Type.Boolean(), reason: Type.Optional(IneligibleReasonSchema) })),
  application: Nullable(ApplicationSchema),
  placements: Type.Array(PlacementSchema),
});

export const DrawBody = Type.Object({ publicNumber: Line({ minLength: 1, maxLength: 32, notBlank: true }) }, { additionalProperties: false });
export const RedrawBody = Type.Object({ reason: Line({ minLength: 2, maxLength: 500, notBlank: true }) }, { additionalProperties: false });

/** Everything needed to recompute a draw (docs/rules.md "Enrolment draw"). */
export const DrawSchema = Type.Object({
  termId: Id,
  round: Type.Integer(),
  secret: Type.String(),
  seedHash: Type.String(),
  publicNumber: Type.String(),
  seed: Type.String(),
  order: Type.Array(Id),
  classesPerMember: Type.Integer(),
  priorityCategories: Type.Array(Category),
  applications: Type.Array(Type.Object({ id: Id, choices: Type.Array(Id), tier: Type.Union([Type.Literal(0), Type.Literal(1)]) })),
  seats: Type.Array(Type.Object({ classId: Id, seats: Type.Integer() })),
  drawnAt: Instant,
});
export type DrawDto = Static<typeof DrawSchema>;

export const DrawnPlacementSchema = Type.Object({
  applicationId: Id,
  classId: Id,
  status: OneOf(['admitted', 'waitlisted'] as const),
  position: Nullable(Type.Integer()),
});
export const DrawView = Type.Object({ draw: DrawSchema, placements: Type.Array(DrawnPlacementSchema) });
export type DrawViewDto = Static<typeof DrawView>;

export const PaymentBody = Type.Object(
  { receiptNo: Line({ minLength: 1, maxLength: 40, notBlank: true }), amountCents: Fee },
  { additionalProperties: false },
);

export const ClassSeatsSchema = Type.Object({ classId: Id, capacity: Type.Integer(), admitted: Type.Integer(), waitlisted: Type.Integer(), offered: Type.Integer() });
export type ClassSeats = Static<typeof ClassSeatsSchema>;
export const SeatsView = Type.Object({ termId: Id, classes: Type.Array(ClassSeatsSchema) });
export type SeatsDto = Static<typeof SeatsView>;

export const RosterView = Type.Object({
  class: ClassSchema,
  term: TermSchema,
  students: Type.Array(
    Type.Object({
      placementId: Id,
      memberId: Id,
      name: Type.String(),
      memberNo: Nullable(Type.String()),
      gender: Nullable(Type.String()),
      birthMonth: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      category: Type.String(),
      paidAt: NullableInstant,
      receiptNo: Nullable(Type.String()),
    }),
  ),
});
export type RosterDto = Static<typeof RosterView>;

export const PlacementsQuery = Type.Object({ classId: Type.Optional(Id), memberId: Type.Optional(Id) }, { additionalProperties: false });
export const ApplicationsQuery = Type.Object({ classId: Type.Optional(Id) }, { additionalProperties: false });

export const AttendanceView = Type.Object({
  class: ClassSchema,
  sessions: Type.Array(Type.Object({ bookingId: Id, start: Instant, end: Instant, held: Type.Boolean(), present: Type.Integer() })),
  students: Type.Array(
    Type.Object({
      placementId: Id,
      memberId: Id,
      name: Type.String(),
      memberNo: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      /** Sessions held that they came to, by booking id. */
      attended: Type.Array(Id),
      /** Sessions held in a row, up to the last one, that they missed. */
      absentStreak: Type.Integer(),
      /** Missed the last ABSENCE_FLAG_SESSIONS sessions in a row: someone should call. */
      flagged: Type.Boolean(),
    }),
  ),
  /** Attended student-sessions over students × sessions held (0–1), null before the first session. */
  rate: Nullable(Type.Number()),
});
export type AttendanceDto = Static<typeof AttendanceView>;

const Count = Type.Integer();
export const TermReportView = Type.Object({
  term: TermSchema,
  courses: Type.Array(
    Type.Object({ course: Type.String(), classes: Count, capacity: Count, applicants: Count, firstChoice: Count, applicantsPerSeat: Type.Number(), admitted: Count, waitlisted: Count }),
  ),
  admittedByCategory: Type.Array(Type.Object({ category: Category, students: Count })),
  admittedByAgeBand: Type.Array(Type.Object({ band: OneOf(['under_60', '60_69', '70_79', '80_plus', 'unknown'] as const), students: Count })),
  classes: Type.Array(Type.Object({ classId: Id, course: Type.String(), name: Type.String(), admitted: Count, sessionsHeld: Count, attended: Count, rate: Nullable(Type.Number()) })),
  attendance: Type.Object({ sessionsHeld: Count, expected: Count, attended: Count, rate: Nullable(Type.Number()) }),
});
export type TermReportDto = Static<typeof TermReportView>;
