/**
 * The public draw of a lottery term (docs/rules.md "Enrolment draw"), in one write: the term row is locked, the
 * applications and the seats left after returning students are read, the published algorithm
 * (server/shared/enrolment-draw.ts) places everyone, the placements are inserted in one statement, and the
 * draw is stored with everything needed to recompute it. A second draw finds the live one and is refused; the
 * unique index on live draws refuses it too, whatever the service did. A process killed half-way commits
 * nothing. An admin's redo supersedes the draw with a reason, removes its placements and makes a new secret,
 * whose hash is published before the next draw.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import { runDraw, type DrawApplication } from '../../shared/enrolment-draw.ts';
import { requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import { termDrawn, termRedrawn } from './audit-entries.ts';
import { termPhase, toTerm } from './dto.ts';
import * as q from './queries.ts';
import { announceTerm, newTermSecret, sha256Hex } from './terms.ts';
import type { DrawDto, DrawViewDto, TermDto } from './schemas.ts';

/** The draw as stored: what GET /api/terms/:id/draw publishes. */
interface PublishedDraw {
  draw: Omit<DrawDto, 'drawnAt'>;
  placements: DrawViewDto['placements'];
}

export async function drawTerm(db: Kysely<DB>, principal: Principal | null, termId: string, publicNumber: string): Promise<DrawViewDto> {
  return write(db, async ({ trx, emit, audit }) => {
    const term = await q.lockTerm(trx, termId, 'update');
    if (!term) throw notFound('The term');
    const user = userOfVenue(principal, term.venueId);
    if (term.mode !== 'lottery') throw new AppError('conflict', 'This term fills its classes first come, first served: there is no draw.', { messageZh: '本学期为先到先得，无需摇号。' });
    if (term.drawnAt || (await q.liveDraw(trx, termId))) {
      throw new AppError('conflict', 'This term has been drawn already; a draw cannot be run twice (an admin may redo it, with a reason).', { messageZh: '本学期已摇号，不能重复摇号。' });
    }
    const phase = termPhase(term);
    if (phase !== 'closed') {
      throw new AppError('conflict', `Applications are still open until ${new Date(term.applyUntil).toISOString()}: close them before the draw.`, {
        applyUntil: new Date(term.applyUntil).toISOString(),
        messageZh: '报名尚未截止，请先截止报名再摇号。',
      });
    }
    const { secret, seedHash } = await q.termSecret(trx, termId);
    const priority = new Set(term.priorityCategories ?? []);
    const rows = await q.applicationsForDraw(trx, termId);
    const applications: DrawApplication[] = rows.map((a) => ({ id: a.id, choices: a.choices, tier: priority.has(a.category) ? 0 : 1 }));
    const classes = await q.lockClasses(trx, (await q.listClasses(trx, termId)).map((c) => c.id));
    const seats = new Map(classes.map((c) => [c.id, c.capacity - c.taken]));
    const result = runDraw({ secret, publicNumber, applications, seats, classesPerMember: term.classesPerMember }, sha256Hex);

    const memberOf = new Map(rows.map((a) => [a.id, a.memberId]));
    const feeOf = new Map(classes.map((c) => [c.id, c.feeCents]));
    const payUntil = term.payUntil ? new Date(term.payUntil).toISOString() : null;
    await q.insertPlacements(
      trx,
      result.placements.map((p) => ({
        termId,
        classId: p.classId,
        memberId: memberOf.get(p.applicationId)!,
        applicationId: p.applicationId,
        status: p.status,
        source: 'draw' as const,
        queueNo: p.position,
        payBy: p.status === 'admitted' && (feeOf.get(p.classId) ?? 0) > 0 ? payUntil : null,
      })),
    );
    const lastQueued = new Map<string, number>();
    for (const p of result.placements) if (p.position !== null) lastQueued.set(p.classId, Math.max(lastQueued.get(p.classId) ?? 0, p.position));
    await q.setQueueNumbers(trx, lastQueued);

    const round = (await q.lastDrawRound(trx, termId)) + 1;
    const published: PublishedDraw = {
      draw: {
        termId,
        round,
        secret,
        seedHash,
        publicNumber,
        seed: result.seed,
        order: result.order,
        classesPerMember: term.classesPerMember,
        priorityCategories: term.priorityCategories ?? [],
        applications: [...applications].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => ({ id: a.id, choices: [...a.choices], tier: a.tier })),
        seats: classes.map((c) => ({ classId: c.id, seats: seats.get(c.id)! })),
      },
      placements: result.placements,
    };
    const drawnAt = await q.insertDraw(trx, { termId, round, secret, seedHash, publicNumber, seed: result.seed, published, drawnBy: user.userId });
    await q.updateTerm(trx, termId, { drawnAt });
    await q.markSeatsChanged(trx, termId);
    await announceTerm({ trx, emit }, termId);
    const admitted = result.placements.filter((p) => p.status === 'admitted').length;
    await audit(user, termDrawn(toTerm(term), { round, publicNumber, seed: result.seed, applications: applications.length, admitted, waitlisted: result.placements.length - admitted }));
    return { draw: { ...published.draw, drawnAt: drawnAt.toISOString() }, placements: published.placements };
  });
}

/** The live draw of a term, as published. Public: it names applications and classes by id only. */
export async function getDraw(db: Kysely<DB>, termId: string): Promise<DrawViewDto> {
  const live = await q.liveDraw(db, termId);
  if (!live) throw new AppError('not_found', 'This term has not been drawn yet.', { messageZh: '本学期尚未摇号。' });
  const published = live.published as PublishedDraw;
  return { draw: { ...published.draw, drawnAt: new Date(live.drawnAt).toISOString() }, placements: published.placements };
}

export async function redrawTerm(db: Kysely<DB>, principal: Principal | null, termId: string, reason: string): Promise<TermDto> {
  requirePrincipal(principal);
  return write(db, async ({ trx, emit, audit }) => {
    const term = await q.lockTerm(trx, termId, 'update');
    if (!term) throw notFound('The term');
    const user = userOfVenue(principal, term.venueId);
    const live = await q.liveDraw(trx, termId);
    if (!live) throw new AppError('conflict', 'This term has no draw to redo.', { messageZh: '本学期尚未摇号，无需重新摇号。' });
    if ((await q.paidDrawPlacements(trx, termId)) > 0) {
      throw new AppError('conflict', 'Fees have been recorded for seats this draw gave: a redo would take paid seats away. Refund and withdraw those first.', {
        messageZh: '已有学员按本次摇号结果缴费，不能重新摇号；请先办理退费并撤销其名额。',
      });
    }
    await q.supersedeDraw(trx, termId, reason.trim());
    const removed = await q.deleteDrawPlacements(trx, termId);
    await q.resetQueueNumbers(trx, termId);
    const fresh = newTermSecret();
    await q.updateTerm(trx, termId, { ...fresh, drawnAt: null });
    const after = await announceTerm({ trx, emit }, termId);
    await audit(user, termRedrawn(after, { round: live.round, reason: reason.trim(), removedPlacements: removed, published: fresh.seedHash }));
    await q.markSeatsChanged(trx, termId);
    return after;
  });
}
