/**
 * 续报 as the desk sees it, pure: each class of the term that continues a class of an earlier term, with the
 * earlier class's students (its 花名册: who may renew), who renewed already (placements with source
 * `returning`) and who has not yet (the office calls them before the window closes); and, for one member at the
 * counter, which of those classes they may renew. The server decides (POST …/renewals): this only says what
 * to offer, so that the desk does not press a button the rules refuse.
 */
import type { ClassDto, PlacementDto, RosterDto, RosterStudent } from './types.ts';

export interface EarlierClass {
  name: string;
  termName: string;
  students: readonly RosterStudent[];
}

export interface RenewalClass {
  cls: ClassDto;
  /** The class it continues; null while its roster is not loaded (or could not be). */
  earlier: EarlierClass | null;
  /** Renewed and still holding the seat, by member number. */
  renewed: PlacementDto[];
  /** Renewed, then withdrew. */
  withdrawn: PlacementDto[];
  /** Earlier students without a seat in this class yet. */
  notYet: RosterStudent[];
  /** Seats nobody holds or is being offered. */
  free: number;
}

const byNumber = (a: { memberNo?: string | null }, b: { memberNo?: string | null }) => (a.memberNo ?? '').localeCompare(b.memberNo ?? '');

export const earlierOf = (roster: RosterDto): EarlierClass => ({ name: roster.class.name, termName: roster.term.name, students: roster.students });

/** Holding a seat in `classId` (admitted, waiting or being offered), however it came. */
const holders = (placements: readonly PlacementDto[], classId: string): Set<string> =>
  new Set(placements.filter((p) => p.classId === classId && p.status !== 'withdrawn').map((p) => p.memberId));

/** The term's continuing classes, in the term's order. `earlier`: rosters of the continued classes, by their id. */
export function renewalClasses(classes: readonly ClassDto[], earlier: ReadonlyMap<string, EarlierClass>, placements: readonly PlacementDto[]): RenewalClass[] {
  return classes
    .filter((cls): cls is ClassDto & { continuesClassId: string } => cls.continuesClassId !== null)
    .map((cls) => {
      const returning = placements.filter((p) => p.classId === cls.id && p.source === 'returning');
      const here = holders(placements, cls.id);
      const before = earlier.get(cls.continuesClassId) ?? null;
      return {
        cls,
        earlier: before,
        renewed: returning.filter((p) => p.status !== 'withdrawn').sort(byNumber),
        withdrawn: returning.filter((p) => p.status === 'withdrawn').sort(byNumber),
        notYet: before ? before.students.filter((s) => !here.has(s.memberId)).sort(byNumber) : [],
        free: Math.max(0, cls.capacity - cls.seats.admitted - cls.seats.offered),
      };
    });
}

/**
 * What one continuing class means for a member: `renewable` (a student of the class it continues, no seat here
 * yet), `held` (a seat here already: `placement` says how), `full` (a student of it, but no seat is left),
 * `not_student` (not on the earlier class's roster), `unknown` (that roster could not be read: let the server say).
 */
export type MemberRenewal =
  | { group: RenewalClass; state: 'renewable' | 'full' | 'not_student' | 'unknown' }
  | { group: RenewalClass; state: 'held'; placement: PlacementDto };

export function memberRenewals(groups: readonly RenewalClass[], memberId: string, placements: readonly PlacementDto[]): MemberRenewal[] {
  return groups.map((group): MemberRenewal => {
    const held = placements.find((p) => p.classId === group.cls.id && p.memberId === memberId && p.status !== 'withdrawn');
    if (held) return { group, state: 'held', placement: held };
    if (!group.earlier) return { group, state: 'unknown' };
    if (!group.earlier.students.some((s) => s.memberId === memberId)) return { group, state: 'not_student' };
    return { group, state: group.free > 0 ? 'renewable' : 'full' };
  });
}

/** The renewal options first (what the desk will press), then the seats held, then the rest. */
export function sortedForDesk(options: readonly MemberRenewal[]): MemberRenewal[] {
  const rank: Record<MemberRenewal['state'], number> = { renewable: 0, full: 1, held: 2, unknown: 3, not_student: 4 };
  return [...options].sort((a, b) => rank[a.state] - rank[b.state]);
}
