/**
 * Applications: one per member and term, ranked choices, made at the desk, a kiosk or at home. Idempotent by
 * key: a retry of the same request (the kiosk's network dropped the answer) gets the same application back and
 * changes nothing; a second application of the member with another key is a duplicate. In a first-come term the
 * application is placed at once, in arrival order (first-come.ts); in a lottery term it waits for the draw.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { localDateOf } from '../../shared/zoned-time.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import { belongsTo, requirePrincipal, type Principal } from '../auth/principal.ts';
import { parseIdempotencyKey } from '../checkins/service.ts';
import { findVenue } from '../venues/queries.ts';
import { toApplication, toPlacement, termPhase } from './dto.ts';
import { ALREADY_PLACED, NOT_CONTINUING, ineligibility } from './eligibility.ts';
import { inArrivalOrder } from './arrival-queue.ts';
import { placeInArrivalOrder } from './first-come.ts';
import * as q from './queries.ts';
import { readableTerm } from './terms.ts';
import type { ApplicationDto, ApplyInput, IneligibleReason, PlacementDto } from './schemas.ts';

type MemberRef = { memberId?: string | undefined; memberCode?: string | undefined };

const isStaff = (p: Principal) => p.kind === 'user';

/** Who the request is about. A member signed in at home is always themselves; others name the member. */
export async function resolveMember(db: Executor, principal: Principal, ref: MemberRef): Promise<q.EnrolmentMember> {
  if (ref.memberId !== undefined && ref.memberCode !== undefined) throw validationFailed('memberId', 'Send either memberId or memberCode, not both.');
  if (principal.kind === 'member') {
    if (ref.memberCode !== undefined || (ref.memberId !== undefined && ref.memberId !== principal.memberId)) {
      throw new AppError('forbidden', 'You can apply only for yourself.', { messageZh: '只能为本人报名。' });
    }
    const me = await q.memberForEnrolment(db, { memberId: principal.memberId });
    if (!me) throw new AppError('member_not_found', 'Your member record was not found.', { field: 'memberId' });
    return me;
  }
  if (ref.memberId === undefined && ref.memberCode === undefined) throw validationFailed('memberId', 'Say who applies: memberId, or memberCode from their card.');
  const member = await q.memberForEnrolment(db, ref.memberId !== undefined ? { memberId: ref.memberId } : { memberCode: ref.memberCode! });
  if (!member) {
    throw new AppError('member_not_found', 'No member has this card or id; check the card, or ask at the front desk.', {
      field: ref.memberId !== undefined ? 'memberId' : 'memberCode',
      messageZh: '找不到这位会员，请核对会员卡，或到前台咨询。',
    });
  }
  return member;
}

const channelOf = (principal: Principal) => (principal.kind === 'member' ? 'home' : principal.kind === 'device' ? 'kiosk' : 'desk') as 'home' | 'kiosk' | 'desk';

/** The venue's zone: a class's age bounds are measured on the date of its first session there. */
async function venueZone(db: Executor, venueId: string): Promise<string> {
  return (await findVenue(db, venueId))?.timezone ?? 'Asia/Shanghai';
}

/** Why `member` may not take each of `classes` (absent: they may). */
export async function reasonsFor(db: Executor, term: q.TermRow, member: q.EnrolmentMember, classes: readonly q.ClassRow[], zone?: string): Promise<Map<string, IneligibleReason>> {
  zone ??= await venueZone(db, term.venueId);
  const held = new Set(await q.renewedClasses(db, term.id, member.id));
  const reasons = new Map<string, IneligibleReason>();
  for (const c of classes) {
    if (held.has(c.id)) {
      reasons.set(c.id, ALREADY_PLACED);
      continue;
    }
    const reason = ineligibility(member, c, localDateOf(new Date(c.firstStart), zone));
    if (reason) reasons.set(c.id, reason);
  }
  return reasons;
}

/** The chosen classes, in rank order, checked against the term: its classes, no repeats, not too many. */
async function chosenClasses(db: Executor, term: q.TermRow, choices: readonly string[]): Promise<q.ClassRow[]> {
  if (choices.length > term.choicesPerApplication) throw validationFailed('choices', `Choose at most ${term.choicesPerApplication} classes in this term.`);
  if (new Set(choices).size !== choices.length) throw validationFailed('choices', 'A class may be chosen only once.');
  const found = new Map((await q.classesOfTerm(db, term.id, choices)).map((c) => [c.id, c]));
  const foreign = choices.find((id) => !found.has(id));
  if (foreign) throw validationFailed('choices', `Class ${foreign} is not a class of this term.`);
  return choices.map((id) => found.get(id)!);
}

function windowClosed(term: q.TermRow): AppError {
  const phase = termPhase(term);
  const when = phase === 'setup' || phase === 'renewal' ? 'not open yet' : 'closed';
  return new AppError('window_closed', `Applications for this term are ${when}: they are open from ${new Date(term.applyFrom).toISOString()} until ${new Date(term.applyUntil).toISOString()}.`, {
    applyFrom: new Date(term.applyFrom).toISOString(),
    applyUntil: new Date(term.applyUntil).toISOString(),
    messageZh: phase === 'setup' || phase === 'renewal' ? '本学期报名尚未开始。' : '本学期报名已截止。',
  });
}

const isOpen = (term: q.TermRow, now = Date.now()) => now >= new Date(term.applyFrom).getTime() && now < new Date(term.applyUntil).getTime();

export interface ApplyResult {
  created: boolean;
  application: ApplicationDto;
  placements?: PlacementDto[];
}

export async function apply(db: Kysely<DB>, principal: Principal | null, termId: string, keyHeader: string | undefined, input: ApplyInput): Promise<ApplyResult> {
  const caller = requirePrincipal(principal);
  const key = parseIdempotencyKey(keyHeader);
  const term = await readableTerm(db, caller, termId);
  const member = await resolveMember(db, caller, input);
  const staff = isStaff(caller);
  const answer = async (exec: Executor, applicationId: string, created: boolean): Promise<ApplyResult> => {
    const application = (await q.findApplication(exec, applicationId))!;
    const placements = term.mode === 'first_come' ? (await q.listPlacements(exec, termId, { memberId: member.id })).filter((p) => p.applicationId === applicationId) : undefined;
    return { created, application: toApplication(application), ...(placements ? { placements: placements.map((p) => toPlacement(p, staff)) } : {}) };
  };
  const replay = async (): Promise<ApplyResult | null> => {
    const existing = await q.findApplicationByKey(db, termId, key);
    if (!existing) return null;
    if (existing.memberId !== member.id || JSON.stringify(existing.choices) !== JSON.stringify(input.choices)) {
      throw new AppError('duplicate', 'This Idempotency-Key was already used for a different application; make a new key for each application.', { field: 'Idempotency-Key' });
    }
    return answer(db, existing.id, false);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const zone = await venueZone(db, term.venueId);

  try {
    // Few statements, and the answer is read after the commit: in a first-come rush every application of a class
    // waits for the one before it to commit (first-come.ts), so the time a class row stays locked is the
    // rush's throughput.
    const place = () => write(db, async (w) => {
      // Shared: applications run side by side, while a draw or a moved window (update) waits for them.
      const locked = (await q.lockTerm(w.trx, termId, 'share'))!;
      if (!isOpen(locked)) throw windowClosed(locked);
      const chosen = await chosenClasses(w.trx, locked, input.choices);
      const reasons = await reasonsFor(w.trx, locked, member, chosen, zone);
      const refused = input.choices.find((id) => reasons.has(id));
      if (refused) {
        const reason = reasons.get(refused)!;
        const c = chosen.find((x) => x.id === refused)!;
        throw new AppError('not_eligible', `${c.course} ${c.name}: ${reason.en}`, { classId: refused, reason: reason.code, messageZh: `${c.course}${c.name}：${reason.zh}` });
      }
      // A second application of the member is refused by the unique constraint (caught below).
      const made = await q.insertApplication(w.trx, { termId, memberId: member.id, choices: input.choices, idempotencyKey: key, channel: channelOf(caller) });
      if (locked.mode === 'first_come') await placeInArrivalOrder(w, locked, { id: made, memberId: member.id, choices: input.choices });
      await q.markSeatsChanged(w.trx, termId);
      return made;
    });
    const id = term.mode === 'first_come' ? await inArrivalOrder(termId, place) : await place();
    return answer(db, id, true);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A racing request with the same key (or for the same member) committed first: answer as it did.
    const again = await replay();
    if (again) return again;
    const existing = await q.findApplicationOfMember(db, termId, member.id);
    throw duplicateApplication(existing?.id ?? null);
  }
}

function duplicateApplication(applicationId: string | null): AppError {
  return new AppError('duplicate', 'This member has already applied for this term; change that application instead of making another.', {
    applicationId,
    messageZh: '该会员本学期已报名，如需调整请修改原报名。',
  });
}

/** The application, if the caller may see it: staff and kiosks of the venue, or its own member. */
async function ownApplication(db: Executor, principal: Principal, applicationId: string) {
  const application = await q.findApplication(db, applicationId);
  if (!application) throw notFound('The application');
  const term = (await q.findTerm(db, application.termId))!;
  if (!belongsTo(principal, term.venueId)) throw notFound('The application');
  if (principal.kind === 'member' && principal.memberId !== application.memberId) throw notFound('The application');
  return { application, term };
}

export async function changeChoices(db: Kysely<DB>, principal: Principal | null, applicationId: string, choices: readonly string[]): Promise<ApplicationDto> {
  const caller = requirePrincipal(principal);
  return write(db, async (w) => {
    const { application, term: found } = await ownApplication(w.trx, caller, applicationId);
    const term = (await q.lockTerm(w.trx, found.id, 'share'))!;
    if (term.mode === 'first_come') throw new AppError('conflict', 'In a first-come term the seats were given when the application arrived; withdraw a seat instead.');
    if (!isOpen(term)) throw windowClosed(term);
    const chosen = await chosenClasses(w.trx, term, choices);
    const member = (await q.memberForEnrolment(w.trx, { memberId: application.memberId }))!;
    const reasons = await reasonsFor(w.trx, term, member, chosen);
    const refused = choices.find((id) => reasons.has(id));
    if (refused) {
      const reason = reasons.get(refused)!;
      throw new AppError('not_eligible', reason.en, { classId: refused, reason: reason.code, messageZh: reason.zh });
    }
    await q.updateApplicationChoices(w.trx, applicationId, choices);
    await q.markSeatsChanged(w.trx, term.id);
    return toApplication((await q.findApplication(w.trx, applicationId))!);
  });
}

export async function withdrawApplication(db: Kysely<DB>, principal: Principal | null, applicationId: string): Promise<void> {
  const caller = requirePrincipal(principal);
  await write(db, async (w) => {
    const { term: found } = await ownApplication(w.trx, caller, applicationId);
    const term = (await q.lockTerm(w.trx, found.id, 'share'))!;
    if (term.mode === 'first_come') throw new AppError('conflict', 'In a first-come term the seats were given when the application arrived; withdraw a seat instead.');
    if (!isOpen(term)) throw windowClosed(term);
    await q.deleteApplication(w.trx, applicationId);
    await q.markSeatsChanged(w.trx, term.id);
  });
}

export async function listApplications(db: Kysely<DB>, principal: Principal | null, termId: string, classId?: string): Promise<ApplicationDto[]> {
  await readableTerm(db, principal, termId);
  return (await q.listApplications(db, termId, classId)).map((a) => toApplication(a, true));
}

/** What a member may choose in a term, with their application and placements: the kiosk's and phone page's first screen. */
export async function eligibilityOf(db: Kysely<DB>, principal: Principal | null, termId: string, ref: MemberRef) {
  const caller = requirePrincipal(principal);
  const term = await readableTerm(db, caller, termId);
  const member = await resolveMember(db, caller, ref);
  const classes = await q.listClasses(db, termId);
  const reasons = await reasonsFor(db, term, member, classes);
  // In the renewal window the only thing to do is renew: a class is open to this member only if it continues
  // one they were admitted in (so the kiosk and the phone offer 确认续报 exactly where it will be accepted).
  if (termPhase(term) === 'renewal') {
    for (const c of classes) {
      if (reasons.has(c.id)) continue;
      if (!c.continuesClassId || !(await q.heldSeat(db, c.continuesClassId, member.id))) reasons.set(c.id, NOT_CONTINUING);
    }
  }
  const application = await q.findApplicationOfMember(db, termId, member.id);
  const placements = await q.placementsOfMember(db, termId, member.id);
  return {
    member: { id: member.id, name: member.name },
    classes: classes.map((c) => {
      const reason = reasons.get(c.id);
      return { classId: c.id, eligible: !reason, ...(reason ? { reason } : {}) };
    }),
    application: application ? toApplication(application) : null,
    placements: placements.map((p) => toPlacement(p, isStaff(caller))),
  };
}
