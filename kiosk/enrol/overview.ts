/**
 * The member's term at a glance, for the overview screen: a seat offered to them (补录) with its deadline, in
 * the renewal window their continuing classes (续报), their application and where each choice stands, and
 * what they may do next (choose classes, change a lottery's choices while the window is open).
 */
import { placeLines, statusOf, type PlaceLine } from './places.ts';
import type { TermWindow } from './term-window.ts';
import type { ClassDto, EligibilityDto, TermDto } from './types.ts';

export interface Overview {
  offers: Array<{ placementId: string; classId: string; until: string | null }>;
  /** In the renewal window: the classes continuing the member's, each renewed or not yet; null outside it. */
  renewals: Array<{ classId: string; renewed: boolean }> | null;
  application: { id: string; lines: PlaceLine[]; canChange: boolean } | null;
  /** Seats that were no choice of an application (a renewal), when there is no application to list them. */
  seats: PlaceLine[];
  /** The application window is open and the member has not applied. */
  canApply: boolean;
}

/** Whether the term has placed its applications: first-come as they come, a lottery once drawn. */
export const isPlaced = (term: Pick<TermDto, 'mode' | 'drawnAt'>): boolean => term.mode === 'first_come' || term.drawnAt !== null;

export function overview(view: EligibilityDto, term: Pick<TermDto, 'mode' | 'drawnAt'>, window: TermWindow, classes: readonly ClassDto[]): Overview {
  const live = view.placements.filter((p) => p.status !== 'withdrawn');
  const offers = live
    .filter((p) => p.status === 'offered')
    .map((p) => ({ placementId: p.id, classId: p.classId, until: p.offerExpiresAt }));

  let renewals: Overview['renewals'] = null;
  if (window === 'renewal') {
    const verdicts = new Map(view.classes.map((c) => [c.classId, c.eligible]));
    renewals = classes
      .filter((c) => c.continuesClassId !== null)
      .map((c) => ({ classId: c.id, renewed: live.some((p) => p.classId === c.id) }))
      .filter((r) => r.renewed || verdicts.get(r.classId) === true);
  }

  const app = view.application;
  const application = app
    ? { id: app.id, lines: placeLines(app.choices, view.placements, isPlaced(term)), canChange: window === 'applying' && term.mode === 'lottery' }
    : null;
  const seats = app
    ? []
    : live
        .filter((p) => p.status !== 'offered' && !(renewals ?? []).some((r) => r.classId === p.classId))
        .map((p): PlaceLine => ({ classId: p.classId, rank: null, status: statusOf(p), placementId: p.id }));

  return { offers, renewals, application, seats, canApply: window === 'applying' && app === null };
}
