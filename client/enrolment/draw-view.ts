/**
 * A draw's result as the projector shows it: per class, who got a seat (in the order they were drawn) and the
 * waiting list (by place), names masked (mask.ts). The draw names applications only (it is public); the names
 * come from the office's own list of applications.
 */
import { maskPerson, type MaskedPerson } from './mask.ts';
import type { ApplicationDto, ClassDto, DrawViewDto } from './types.ts';

export interface DrawPerson extends MaskedPerson {
  applicationId: string;
}

export interface DrawClass {
  classId: string;
  name: string;
  course: string;
  /** The seats the draw filled (after 续报). */
  seats: number;
  admitted: DrawPerson[];
  waiting: Array<DrawPerson & { position: number }>;
}

/** Someone the office's list does not name (it failed to load): the end of the application id, never blank. */
const unnamed = (applicationId: string): MaskedPerson => ({ name: `#${applicationId.slice(-6)}`, tail: null });

export function drawClasses(view: DrawViewDto, classes: readonly ClassDto[], applications: readonly ApplicationDto[]): DrawClass[] {
  const rank = new Map(view.draw.order.map((id, index) => [id, index]));
  const people = new Map(applications.map((a) => [a.id, a.memberName ? maskPerson(a.memberName, a.memberNo) : unnamed(a.id)]));
  const person = (applicationId: string): DrawPerson => ({ applicationId, ...(people.get(applicationId) ?? unnamed(applicationId)) });
  const seats = new Map(view.draw.seats.map((s) => [s.classId, s.seats]));
  const drawn = new Set([...seats.keys(), ...view.placements.map((p) => p.classId)]);
  return classes
    .filter((cls) => drawn.has(cls.id))
    .map((cls) => {
      const mine = view.placements.filter((p) => p.classId === cls.id);
      const admitted = mine
        .filter((p) => p.status === 'admitted')
        .sort((a, b) => (rank.get(a.applicationId) ?? 0) - (rank.get(b.applicationId) ?? 0))
        .map((p) => person(p.applicationId));
      const waiting = mine
        .filter((p) => p.status === 'waitlisted')
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
        .map((p, index) => ({ ...person(p.applicationId), position: p.position ?? index + 1 }));
      return { classId: cls.id, name: cls.name, course: cls.course, seats: seats.get(cls.id) ?? 0, admitted, waiting };
    });
}

/** A 64-character hash in groups of eight, so that a hall can read it against the published one. */
export const hashGroups = (hash: string): string[] => hash.match(/.{1,8}/g) ?? [];
