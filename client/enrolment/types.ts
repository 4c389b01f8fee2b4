/**
 * The enrolment shapes as the server sends them (docs/api.md "Senior-university enrolment"): the server's own
 * TypeBox types, imported as types only (nothing of the server ships to the browser).
 */
import type {
  ApplicationDto,
  AttendanceDto,
  ClassDto,
  CreateClassInput,
  CreateTermInput,
  DrawViewDto,
  IneligibleReason,
  PlacementDto,
  RosterDto,
  SeatsDto,
  TermDto,
  TermPhase,
  TermReportDto,
  UpdateTermInput,
} from '../../server/modules/enrolment/schemas.ts';

export type {
  ApplicationDto,
  AttendanceDto,
  ClassDto,
  CreateClassInput,
  CreateTermInput,
  DrawViewDto,
  IneligibleReason,
  PlacementDto,
  RosterDto,
  SeatsDto,
  TermDto,
  TermPhase,
  TermReportDto,
  UpdateTermInput,
};

/** `GET /api/terms/:termId`. */
export interface TermView {
  term: TermDto;
  classes: ClassDto[];
}

/** `GET /api/terms/:termId/eligibility`: what a member may choose, and what they already have. */
export interface Eligibility {
  member: { id: string; name: string };
  classes: Array<{ classId: string; eligible: boolean; reason?: IneligibleReason }>;
  application: ApplicationDto | null;
  placements: PlacementDto[];
}

/** `POST /api/terms/:termId/applications`: first-come terms also answer the placements made. */
export interface ApplyAnswer {
  application: ApplicationDto;
  placements?: PlacementDto[];
}

export type RosterStudent = RosterDto['students'][number];

export type AttendanceSession = AttendanceDto['sessions'][number];
export type AttendanceStudent = AttendanceDto['students'][number];
export type AgeBand = TermReportDto['admittedByAgeBand'][number]['band'];
