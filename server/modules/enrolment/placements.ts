/**
 * What happens to a seat after it is given: withdrawal (a freed seat is offered to the next on the waiting list),
 * an offer accepted or declined, a fee paid at the desk, a returning student's renewal (续报). Every change
 * locks the placement row and checks its status in the same write, so an acceptance racing a withdrawal or the
 * expiry job takes effect once, and the loser is told what happened instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { pgErrorCode, isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import { belongsTo, requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import { placementChanged } from './audit-entries.ts';
import { resolveMember } from './applications.ts';
import { termPhase, toPlacement } from './dto.ts';
import { NOT_CONTINUING } from './eligibility.ts';
import { offerFreeSeats } from './offers.ts';
import * as q from './queries.ts';
import { readableTerm } from './terms.ts';
import type { PlacementDto, RenewInput } from './schemas.ts';

const holdsSeat = (status: string) => status === 'admitted' || status === 'offered';

/** The placement, locked, if the caller may act on it (a member only on their own). */
async function lockedPlacement(trx: Parameters<typeof q.lockPlacement>[0], principal: Principal, placementId: string) {
  const placement = await q.lockPlacement(trx, placementId);
  if (!placement) throw notFound('The place');
  const term = (await q.findTerm(trx, placement.termId))!;
  if (!belongsTo(principal, term.venueId) || (principal.kind === 'member' && principal.memberId !== placement.memberId)) throw notFound('The place');
  return { placement, term };
}

export async function listPlacements(db: Kysely<DB>, principal: Principal | null, termId: string, filter: { classId?: string; memberId?: string }): Promise<PlacementDto[]> {
  const caller = requirePrincipal(principal);
  await readableTerm(db, caller, termId);
  const own = caller.kind === 'member' ? { memberId: caller.memberId } : {};
  return (await q.listPlacements(db, termId, { ...filter, ...own })).map((p) => toPlacement(p, caller.kind === 'user'));
}

export async function withdrawPlacement(db: Kysely<DB>, principal: Principal | null, placementId: string): Promise<PlacementDto> {
  const caller = requirePrincipal(principal);
  return write(db, async ({ trx, audit }) => {
    const { placement, term } = await lockedPlacement(trx, caller, placementId);
    if (placement.status === 'withdrawn') throw new AppError('conflict', 'This place was already given up.', { messageZh: '该名额已放弃。' });
    await q.setPlacementStatus(trx, placementId, { status: 'withdrawn', withdrawnReason: caller.kind === 'user' ? 'staff' : 'member', offerExpiresAt: null });
    if (holdsSeat(placement.status)) await offerFreeSeats({ trx }, term, placement.classId);
    await q.markSeatsChanged(trx, term.id);
    const after = toPlacement((await q.findPlacement(trx, placementId))!, caller.kind === 'user');
    if (caller.kind === 'user') await audit(caller, placementChanged('placement.withdrawn', term.venueId, after, { from: placement.status }));
    return after;
  });
}

export async function acceptOffer(db: Kysely<DB>, principal: Principal | null, placementId: string): Promise<PlacementDto> {
  const caller = requirePrincipal(principal);
  const outcome = await write(db, async ({ trx }) => {
    const { placement, term } = await lockedPlacement(trx, caller, placementId);
    if (placement.status === 'admitted') return { placement: toPlacement(placement, caller.kind === 'user') };
    if (placement.status !== 'offered') throw new AppError('conflict', 'There is no offer to accept for this place.', { status: placement.status, messageZh: '此名额没有待确认的补录通知。' });
    if (new Date(placement.offerExpiresAt!).getTime() <= Date.now()) {
      // Ran out before the job got to it: it passes on now, and the member is told.
      await q.setPlacementStatus(trx, placementId, { status: 'withdrawn', withdrawnReason: 'offer_expired', offerExpiresAt: null });
      await offerFreeSeats({ trx }, term, placement.classId);
      await q.markSeatsChanged(trx, term.id);
      return { expired: true as const };
    }
    await giveUpForHigherChoice(trx, term, placement);
    const fee = (await q.findClass(trx, placement.classId))!.feeCents;
    // A term with a payment deadline: that deadline, or (an offer accepted late) the offer's span from now, whichever
    // is later. A term without one sets none for anybody.
    const payBy = fee > 0 && term.payUntil ? new Date(Math.max(term.payUntil ? new Date(term.payUntil).getTime() : 0, Date.now() + term.offerHours * 3_600_000)) : null;
    await q.setPlacementStatus(trx, placementId, { status: 'admitted', offerExpiresAt: null, payBy });
    await q.markSeatsChanged(trx, term.id);
    return { placement: toPlacement((await q.findPlacement(trx, placementId))!, caller.kind === 'user') };
  });
  if ('expired' in outcome) {
    throw new AppError('conflict', 'This offer has expired and the seat has passed to the next person on the waiting list.', { reason: 'offer_expired', messageZh: '补录名额已过确认期限，已顺延给下一位。' });
  }
  return outcome.placement;
}

/**
 * A member may hold `classesPerMember` seats. The draw put them on the waiting list only of classes they ranked
 * above their last seat (docs/enrolment.md "The draw"), so an offer there is a better choice: taking it gives up
 * their lowest-ranked seat, which goes on to that class's waiting list. Returning students' seats (no rank) are
 * never given up; with nothing to give up the offer cannot be taken. Returns whether a seat was given up.
 */
async function giveUpForHigherChoice(trx: Parameters<typeof q.lockPlacement>[0], term: q.TermRow, offer: q.PlacementRow): Promise<boolean> {
  const held = (await q.placementsOfMember(trx, term.id, offer.memberId)).filter((p) => p.status === 'admitted' && p.id !== offer.id);
  if (held.length < term.classesPerMember) return false;
  const application = offer.applicationId ? await q.findApplication(trx, offer.applicationId) : undefined;
  const rank = (classId: string) => application?.choices.indexOf(classId) ?? -1;
  const offeredRank = rank(offer.classId);
  const lowest = held
    .filter((p) => p.source !== 'returning' && rank(p.classId) > offeredRank)
    .sort((a, b) => rank(b.classId) - rank(a.classId))[0];
  if (!lowest || offeredRank < 0) {
    throw new AppError('conflict', `This member already holds ${held.length} of the ${term.classesPerMember} classes allowed and none ranked below this one to give up.`, {
      messageZh: `该会员已录取 ${held.length} 个班（本学期每人最多 ${term.classesPerMember} 个），且没有志愿更靠后的班可以让出，不能再接受这个名额。`,
    });
  }
  await q.lockPlacement(trx, lowest.id);
  await q.setPlacementStatus(trx, lowest.id, { status: 'withdrawn', withdrawnReason: 'upgraded', offerExpiresAt: null });
  await offerFreeSeats({ trx }, term, lowest.classId);
  return true;
}

export async function declineOffer(db: Kysely<DB>, principal: Principal | null, placementId: string): Promise<PlacementDto> {
  const caller = requirePrincipal(principal);
  return write(db, async ({ trx }) => {
    const { placement, term } = await lockedPlacement(trx, caller, placementId);
    if (placement.status !== 'offered') throw new AppError('conflict', 'There is no offer to decline for this place.', { status: placement.status, messageZh: '此名额没有待确认的补录通知。' });
    await q.setPlacementStatus(trx, placementId, { status: 'withdrawn', withdrawnReason: 'declined', offerExpiresAt: null });
    await offerFreeSeats({ trx }, term, placement.classId);
    await q.markSeatsChanged(trx, term.id);
    return toPlacement((await q.findPlacement(trx, placementId))!, caller.kind === 'user');
  });
}

export async function recordPayment(db: Kysely<DB>, principal: Principal | null, placementId: string, payment: { receiptNo: string; amountCents: number }): Promise<PlacementDto> {
  const caller = requirePrincipal(principal);
  return write(db, async ({ trx, audit }) => {
    const { placement, term } = await lockedPlacement(trx, caller, placementId);
    const user = userOfVenue(caller, term.venueId);
    if (placement.status !== 'admitted') throw new AppError('conflict', 'Only an admitted seat can be paid for.', { status: placement.status, messageZh: '只有已录取的名额才能登记缴费。' });
    if (placement.paidAt) throw new AppError('conflict', `This seat was paid already (receipt ${placement.receiptNo}).`, { messageZh: `该名额已缴费（收据号 ${placement.receiptNo}）。` });
    await q.recordPayment(trx, placementId, { receiptNo: payment.receiptNo.trim(), amountCents: payment.amountCents });
    const after = toPlacement((await q.findPlacement(trx, placementId))!, true);
    await audit(user, placementChanged('placement.paid', term.venueId, after, { receiptNo: after.receiptNo, amountCents: after.amountCents }));
    return after;
  });
}

/** 续报: a student admitted in the class this one continues takes a seat here, in the renewal window. */
export async function renewSeat(db: Kysely<DB>, principal: Principal | null, termId: string, input: RenewInput): Promise<PlacementDto> {
  const caller = requirePrincipal(principal);
  const term = await readableTerm(db, caller, termId);
  const member = await resolveMember(db, caller, input);
  try {
    return await write(db, async ({ trx, audit }) => {
      const locked = (await q.lockTerm(trx, termId, 'share'))!;
      if (termPhase(locked) !== 'renewal') {
        throw new AppError('window_closed', 'Renewals (续报) are taken only in the renewal window.', { messageZh: '续报不在办理时间内。' });
      }
      const [c] = await q.lockClasses(trx, [input.classId]);
      if (!c || c.termId !== termId) throw validationFailed('classId', 'The class is not one of this term.');
      if (!c.continuesClassId || !(await q.heldSeat(trx, c.continuesClassId, member.id))) {
        throw new AppError('not_eligible', NOT_CONTINUING.en, { classId: c.id, reason: NOT_CONTINUING.code, messageZh: NOT_CONTINUING.zh });
      }
      if (c.taken >= c.capacity) throw new AppError('conflict', 'The class has no seat left to renew.', { messageZh: '本班名额已满，无法续报。' });
      const payBy = c.feeCents > 0 && term.payUntil ? new Date(term.payUntil).toISOString() : null;
      const [id] = await q.insertPlacements(trx, [{ termId, classId: c.id, memberId: member.id, applicationId: null, status: 'admitted', source: 'returning', queueNo: null, payBy }]);
      await q.markSeatsChanged(trx, termId);
      const placement = toPlacement((await q.findPlacement(trx, id!))!, caller.kind === 'user');
      if (caller.kind === 'user') await audit(caller, placementChanged('placement.renewed', term.venueId, placement));
      return placement;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('duplicate', 'This member has already renewed this class.', { messageZh: '该会员已续报本班。' });
    if (pgErrorCode(error) === '23514') throw new AppError('conflict', 'The class has no seat left to renew.', { messageZh: '本班名额已满，无法续报。' });
    throw error;
  }
}

export async function rosterOf(db: Executor, principal: Principal | null, classId: string) {
  const c = await q.findClass(db, classId);
  if (!c) throw notFound('The class');
  const term = await readableTerm(db, principal, c.termId);
  return { c, term, students: await q.rosterOf(db, classId) };
}
