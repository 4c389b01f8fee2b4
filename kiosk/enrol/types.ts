/**
 * The enrolment shapes the kiosk reads (docs/api.md "Senior-university enrolment"), taken from the server's
 * schemas as types only, and the few the kiosk adds: who is at the screen and what they asked for.
 */
import type { Static } from 'typebox';
import type {
  ApplicationDto,
  ClassDto,
  EligibilityView,
  IneligibleReason,
  PlacementDto,
  SeatsDto,
  TermDto,
} from '../../server/modules/enrolment/schemas.ts';

export type { ApplicationDto, ClassDto, IneligibleReason, PlacementDto, SeatsDto, TermDto };

/** `GET /api/terms/:termId/eligibility`: the member, what they may choose, and what they already have. */
export type EligibilityDto = Static<typeof EligibilityView>;

/** `POST /api/terms/:termId/applications`: the application, and in a first-come term its placements. */
export interface ApplyAnswer {
  application: ApplicationDto;
  placements?: PlacementDto[];
}

/** How the kiosk names the member to the server: the card it read, or the member picked from a name search. */
export type MemberRef = { memberCode: string } | { memberId: string };
