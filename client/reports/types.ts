/**
 * What the report routes answer (server/modules/reports/schemas.ts, docs/api.md "Reports"). Written out here
 * (the client does not import server code); fields the server may add later are optional.
 */

export type VisitGrouping = 'day' | 'week' | 'month' | 'hour' | 'weekday_hour' | 'room' | 'category' | 'booking' | 'venue';

export interface Totals {
  /** Person-visits (人次): 1 for a member's visit plus each guest. */
  visits: number;
  /** Distinct members. */
  members: number;
  /** Guests, included in visits. */
  guests: number;
}

export interface VisitRow extends Totals {
  key: string;
  label?: string;
  /** groupBy=booking: the activity's start, kind, room and expected number. */
  start?: string;
  kind?: string;
  roomId?: string | null;
  expected?: number | null;
}

export interface VisitsReport {
  groupBy: string;
  rows: VisitRow[];
  total: Totals;
}

export interface MatchCounts {
  tournaments: number;
  matches: number;
  participations: number;
}

export interface TournamentRow extends MatchCounts {
  key: string;
  label?: string;
  sport: string;
  /** groupBy=month: 'YYYY-MM' in the venue's zone. */
  month?: string;
}

export interface TournamentsReport {
  groupBy: string;
  rows: TournamentRow[];
  total: MatchCounts;
}

export interface ActivityFigures {
  kind: string;
  label: string;
  sessions: number;
  expected: number;
  attendance: number;
  members: number;
}

export interface YearlyReport {
  year: number;
  from: string;
  to: string;
  venues: Array<{ id: string; name: string }>;
  visits: Totals;
  months: VisitRow[];
  categories: VisitRow[];
  register: Array<{ category: string; label: string; members: number }>;
  competitions: MatchCounts & { sports: TournamentRow[] };
  activities: ActivityFigures[];
  /** 老年大学在校学员 (absent from servers before term enrolment). */
  seniorUniversity?: { students: number; terms: number };
}

export interface AbsentMember {
  id: string;
  name: string;
  memberNo: string | null;
  phone: string | null;
  category: string;
  lastSeenAt: string;
  lastVenueId: string;
  weeksAbsent: number;
}

export interface AbsentMembersReport {
  weeks: number;
  before: string;
  members: AbsentMember[];
  truncated: boolean;
}

/** What the year at a glance shows: the yearly figures and, when several centres are shown together, each one's months. */
export interface YearData {
  year: number;
  yearly: YearlyReport;
  perVenue: Array<{ name: string; rows: VisitRow[] }> | null;
}
