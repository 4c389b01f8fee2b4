/**
 * The requests of the phone pages (docs/api.md "Senior-university enrolment", member PINs): the member's own
 * session cookie authenticates them, and the server lets a member see and change only their own rows.
 */
import type { Static } from 'typebox';
import type {
  ApplicationDto,
  ClassDto,
  DrawViewDto,
  EligibilityView,
  PlacementDto,
  TermDto,
} from '../../server/modules/enrolment/schemas.ts';
import { api, seg, withQuery } from '../lib/api.ts';
import type { Venue } from '../lib/types.ts';

export interface SignedInMember {
  id: string;
  name: string;
}

export type Eligibility = Static<typeof EligibilityView>;

export interface TermWithClasses {
  term: TermDto;
  classes: ClassDto[];
}

export type PlacementMove = 'accept' | 'decline' | 'withdraw';

export const memberApi = {
  me: () => api.get<{ member: SignedInMember }>('/api/member-auth/me'),
  login: (memberNo: string, pin: string) => api.post<{ member: SignedInMember }>('/api/member-auth/login', { memberNo, pin }),
  logout: () => api.post<unknown>('/api/member-auth/logout'),

  venues: () => api.get<{ venues: Venue[] }>('/api/venues'),
  terms: (venueId: string) => api.get<{ terms: TermDto[] }>(withQuery('/api/terms', { venueId })),
  term: (termId: string) => api.get<TermWithClasses>(`/api/terms/${seg(termId)}`),
  eligibility: (termId: string, memberId: string) =>
    api.get<Eligibility>(withQuery(`/api/terms/${seg(termId)}/eligibility`, { memberId })),

  /** `key`: the submission's Idempotency-Key, the same on every retry (submission.ts). */
  apply: (termId: string, memberId: string, choices: readonly string[], key: string) =>
    api.post<{ application: ApplicationDto; placements?: PlacementDto[] }>(
      `/api/terms/${seg(termId)}/applications`,
      { memberId, choices },
      { headers: { 'Idempotency-Key': key } },
    ),
  changeChoices: (applicationId: string, choices: readonly string[]) =>
    api.put<{ application: ApplicationDto }>(`/api/applications/${seg(applicationId)}`, { choices }),
  withdrawApplication: (applicationId: string) => api.delete(`/api/applications/${seg(applicationId)}`),
  /** 续报: a returning student confirms a seat in the class that continues theirs; the server decides who may. */
  renew: (termId: string, memberId: string, classId: string) =>
    api.post<{ placement: PlacementDto }>(`/api/terms/${seg(termId)}/renewals`, { memberId, classId }),
  /** The member's own placements in a term (the server answers a member with theirs only). */
  placements: (termId: string, memberId: string) =>
    api.get<{ placements: PlacementDto[] }>(withQuery(`/api/terms/${seg(termId)}/placements`, { memberId })),
  movePlacement: (placementId: string, move: PlacementMove) =>
    api.post<{ placement: PlacementDto }>(`/api/placements/${seg(placementId)}/${move}`),

  /** Public: no sign-in. */
  draw: (termId: string) => api.get<DrawViewDto>(`/api/terms/${seg(termId)}/draw`),
};
