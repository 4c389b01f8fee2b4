/**
 * The reports interface (docs/api.md "Reports"): query strings and answers. `from`/`to` are either
 * local dates (`YYYY-MM-DD`, each venue's own calendar day) or instants with an offset; the range is
 * half-open `[from, to)`.
 */
import { Type, type Static } from 'typebox';
import { Id, OneOf } from '../../http/schemas.ts';

export const VISIT_GROUPINGS = ['day', 'week', 'month', 'hour', 'weekday_hour', 'room', 'category', 'booking', 'venue'] as const;
export type VisitGrouping = (typeof VISIT_GROUPINGS)[number];
export const TOURNAMENT_GROUPINGS = ['sport', 'month'] as const;
export type TournamentGrouping = (typeof TOURNAMENT_GROUPINGS)[number];

const DATE_OR_INSTANT = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:?\\d{2}))?$';
const Bound = (what: string) =>
  Type.String({ pattern: DATE_OR_INSTANT, maxLength: 40, description: `${what}: YYYY-MM-DD (a local date in each venue's zone) or an ISO 8601 instant with offset` });
const Format = OneOf(['json', 'csv', 'xlsx'] as const, 'csv or xlsx: the same figures as a file (or Accept: text/csv, or the XLSX media type)');
const Lang = OneOf(['zh-CN', 'en'] as const, "the file's headers and words: Chinese (default) or English");

export const VisitsReportQuery = Type.Object(
  {
    venueId: Type.Optional(Id),
    from: Bound('first day (inclusive)'),
    to: Bound('end (exclusive)'),
    groupBy: Type.Optional(OneOf(VISIT_GROUPINGS, 'default: day')),
    format: Type.Optional(Format),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);
export type VisitsReportInput = Static<typeof VisitsReportQuery>;

const Counts = {
  /** Person-visits (人次): 1 for a member's visit plus each guest. */
  visits: Type.Integer(),
  /** Distinct members. */
  members: Type.Integer(),
  /** Guests (walk-ins and people members brought), included in visits. */
  guests: Type.Integer(),
};
export const TotalsSchema = Type.Object(Counts);
export type Totals = Static<typeof TotalsSchema>;

export const VisitRowSchema = Type.Object({
  key: Type.String(),
  label: Type.Optional(Type.String()),
  ...Counts,
  /** groupBy=booking: the activity's start, kind, room and expected number. */
  start: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  roomId: Type.Optional(Type.Union([Id, Type.Null()])),
  expected: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export type VisitRow = Static<typeof VisitRowSchema>;

export const VisitsReportSchema = Type.Object({ groupBy: Type.String(), rows: Type.Array(VisitRowSchema), total: TotalsSchema });
export type VisitsReport = Static<typeof VisitsReportSchema>;

export const TournamentsReportQuery = Type.Object(
  {
    venueId: Type.Optional(Id),
    from: Bound('first day (inclusive)'),
    to: Bound('end (exclusive)'),
    groupBy: Type.Optional(OneOf(TOURNAMENT_GROUPINGS, 'default: sport')),
    format: Type.Optional(Format),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);
export type TournamentsReportInput = Static<typeof TournamentsReportQuery>;

const MatchCounts = {
  /** Tournaments with at least one match played in the range. */
  tournaments: Type.Integer(),
  /** Matches played (done, both sides present; byes and walkovers are not played). */
  matches: Type.Integer(),
  /** Player-appearances in those matches: each side's players (a gateball team is five, a single one). */
  participations: Type.Integer(),
};
export const TournamentRowSchema = Type.Object({ key: Type.String(), label: Type.Optional(Type.String()), sport: Type.String(), month: Type.Optional(Type.String()), ...MatchCounts });
export type TournamentRow = Static<typeof TournamentRowSchema>;
export const TournamentTotalsSchema = Type.Object(MatchCounts);
export const TournamentsReportSchema = Type.Object({ groupBy: Type.String(), rows: Type.Array(TournamentRowSchema), total: TournamentTotalsSchema });
export type TournamentsReport = Static<typeof TournamentsReportSchema>;

export const YearlyReportQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    venueId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type YearlyReportInput = Static<typeof YearlyReportQuery>;

export const YearlyReportSchema = Type.Object({
  year: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  venues: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  visits: TotalsSchema,
  months: Type.Array(VisitRowSchema),
  categories: Type.Array(VisitRowSchema),
  register: Type.Array(Type.Object({ category: Type.String(), label: Type.String(), members: Type.Integer() })),
  competitions: Type.Object({ ...MatchCounts, sports: Type.Array(TournamentRowSchema) }),
  activities: Type.Array(
    Type.Object({ kind: Type.String(), label: Type.String(), sessions: Type.Integer(), expected: Type.Integer(), attendance: Type.Integer(), members: Type.Integer() }),
  ),
  /** 老年大学 在校学员: distinct students admitted in the venues' terms whose classes met in the year, and those terms. */
  seniorUniversity: Type.Object({ students: Type.Integer(), terms: Type.Integer() }),
});
export type YearlyReport = Static<typeof YearlyReportSchema>;

export const AbsentMembersQuery = Type.Object(
  {
    venueId: Type.Optional(Id),
    weeks: Type.Integer({ minimum: 1, maximum: 520 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    format: Type.Optional(Format),
    lang: Type.Optional(Lang),
  },
  { additionalProperties: false },
);
export type AbsentMembersInput = Static<typeof AbsentMembersQuery>;

export const AbsentMemberSchema = Type.Object({
  id: Id,
  name: Type.String(),
  memberNo: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  lastSeenAt: Type.String(),
  lastVenueId: Id,
  weeksAbsent: Type.Integer(),
});
export type AbsentMember = Static<typeof AbsentMemberSchema>;
export const AbsentMembersSchema = Type.Object({ weeks: Type.Integer(), before: Type.String(), members: Type.Array(AbsentMemberSchema), truncated: Type.Boolean() });
export type AbsentMembersReport = Static<typeof AbsentMembersSchema>;
