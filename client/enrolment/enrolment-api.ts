/** The enrolment routes of docs/api.md "Senior-university enrolment", as the office's pages use them. */
import { api, seg, withQuery } from '../lib/api.ts';
import type { MeAnswer, Room } from '../lib/types.ts';
import type {
  ApplicationDto,
  ApplyAnswer,
  AttendanceDto,
  ClassDto,
  CreateClassInput,
  CreateTermInput,
  DrawViewDto,
  Eligibility,
  PlacementDto,
  RosterDto,
  TermDto,
  TermReportDto,
  TermView,
  UpdateTermInput,
} from './types.ts';

export const listRooms = async (venueId: string): Promise<Room[]> =>
  (await api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`)).rooms;

export const listTerms = async (venueId: string): Promise<TermDto[]> =>
  (await api.get<{ terms: TermDto[] }>(withQuery('/api/terms', { venueId }))).terms;

export const getTerm = (termId: string): Promise<TermView> => api.get<TermView>(`/api/terms/${seg(termId)}`);

export const createTerm = async (body: CreateTermInput): Promise<TermDto> => (await api.post<{ term: TermDto }>('/api/terms', body)).term;

export const updateTerm = async (termId: string, body: UpdateTermInput): Promise<TermDto> =>
  (await api.patch<{ term: TermDto }>(`/api/terms/${seg(termId)}`, body)).term;

export const createClass = async (termId: string, body: CreateClassInput): Promise<ClassDto> =>
  (await api.post<{ class: ClassDto }>(`/api/terms/${seg(termId)}/classes`, body)).class;

export const getEligibility = (termId: string, memberId: string): Promise<Eligibility> =>
  api.get<Eligibility>(withQuery(`/api/terms/${seg(termId)}/eligibility`, { memberId }));

/** `key`: the submission's Idempotency-Key, the same on every retry of it (desk-application.ts). */
export const apply = (termId: string, memberId: string, choices: readonly string[], key: string): Promise<ApplyAnswer> =>
  api.post<ApplyAnswer>(`/api/terms/${seg(termId)}/applications`, { memberId, choices }, { headers: { 'Idempotency-Key': key } });

export const listApplications = async (termId: string): Promise<ApplicationDto[]> =>
  (await api.get<{ applications: ApplicationDto[] }>(`/api/terms/${seg(termId)}/applications`)).applications;

export const deleteApplication = (applicationId: string): Promise<void> => api.delete(`/api/applications/${seg(applicationId)}`);

export const runDraw = (termId: string, publicNumber: string): Promise<DrawViewDto> =>
  api.post<DrawViewDto>(`/api/terms/${seg(termId)}/draw`, { publicNumber });

export const getDraw = (termId: string): Promise<DrawViewDto> => api.get<DrawViewDto>(`/api/terms/${seg(termId)}/draw`);

export const listPlacements = async (termId: string, filter: { classId?: string; memberId?: string } = {}): Promise<PlacementDto[]> =>
  (await api.get<{ placements: PlacementDto[] }>(withQuery(`/api/terms/${seg(termId)}/placements`, filter))).placements;

/** 续报: a returning student takes a seat in the class that continues theirs. */
export const renewSeat = async (termId: string, memberId: string, classId: string): Promise<PlacementDto> =>
  (await api.post<{ placement: PlacementDto }>(`/api/terms/${seg(termId)}/renewals`, { memberId, classId })).placement;

/** Admins: the draw's seats removed, a new secret whose seedHash is published at once; then draw again. */
export const redraw = async (termId: string, reason: string): Promise<TermDto> =>
  (await api.post<{ term: TermDto }>(`/api/terms/${seg(termId)}/redraw`, { reason })).term;

const placementAction = async (placementId: string, action: 'withdraw' | 'accept' | 'decline'): Promise<PlacementDto> =>
  (await api.post<{ placement: PlacementDto }>(`/api/placements/${seg(placementId)}/${action}`)).placement;

export const withdrawPlacement = (placementId: string) => placementAction(placementId, 'withdraw');
export const acceptOffer = (placementId: string) => placementAction(placementId, 'accept');
export const declineOffer = (placementId: string) => placementAction(placementId, 'decline');

export const recordPayment = async (placementId: string, receiptNo: string, amountCents: number): Promise<PlacementDto> =>
  (await api.post<{ placement: PlacementDto }>(`/api/placements/${seg(placementId)}/payment`, { receiptNo, amountCents })).placement;

export const getRoster = (classId: string): Promise<RosterDto> => api.get<RosterDto>(`/api/classes/${seg(classId)}/roster`);

export const getAttendance = (classId: string): Promise<AttendanceDto> => api.get<AttendanceDto>(`/api/classes/${seg(classId)}/attendance`);

export const getTermReport = (termId: string): Promise<TermReportDto> => api.get<TermReportDto>(`/api/terms/${seg(termId)}/report`);

/** Who is signed in: the enrolment pages offer an admin's actions (the redraw) only to admins. */
export const whoAmI = (): Promise<MeAnswer> => api.get<MeAnswer>('/api/auth/me');
