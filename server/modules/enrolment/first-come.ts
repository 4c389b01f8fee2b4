/**
 * First come, first served: an application is placed the moment it arrives, by the same serial rule as the draw
 * (server/shared/enrolment-draw.ts placeSerially) with this one applicant as the whole order. The chosen classes
 * are locked in id order, so racing applications for one class take turns on its row and each sees the seats
 * the previous ones left: however many press at once, a class admits exactly its capacity and hands out distinct
 * waiting-list numbers. The seat triggers' check constraint stands behind this (migration 202612080000).
 */
import { placeSerially } from '../../shared/enrolment-draw.ts';
import type { Write } from '../../realtime/write.ts';
import * as q from './queries.ts';

export async function placeInArrivalOrder(w: Pick<Write, 'trx'>, term: q.TermRow, application: { id: string; memberId: string; choices: readonly string[] }): Promise<void> {
  const classes = await q.lockClasses(w.trx, application.choices);
  const seats = new Map(classes.map((c) => [c.id, c.capacity - c.taken]));
  const placed = placeSerially([{ id: application.id, choices: application.choices, tier: 0 }], seats, term.classesPerMember);
  const payBy = (classId: string) => {
    const fee = classes.find((c) => c.id === classId)!.feeCents;
    return fee > 0 && term.payUntil ? new Date(term.payUntil).toISOString() : null;
  };
  const rows: q.NewPlacement[] = [];
  for (const p of placed) {
    const queueNo = p.status === 'waitlisted' ? await q.takeQueueNumbers(w.trx, p.classId, 1) : null;
    rows.push({ termId: term.id, classId: p.classId, memberId: application.memberId, applicationId: application.id, status: p.status, source: 'first_come', queueNo, payBy: p.status === 'admitted' ? payBy(p.classId) : null });
  }
  await q.insertPlacements(w.trx, rows);
}
