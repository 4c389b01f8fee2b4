/**
 * Terms and their classes: the academic office's setup. A term publishes `seedHash = sha256(secret)` the moment it
 * is made and keeps the secret until the draw (docs/rules.md "Enrolment draw"); a class books its weekly sessions
 * on the calendar as one series in the same write, so a class never exists without its sessions or the reverse.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { pgErrorCode } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { termTopic } from '../../realtime/topics.ts';
import { write, type Write } from '../../realtime/write.ts';
import { belongsTo, requirePrincipal, userOfVenue, type Principal } from '../auth/principal.ts';
import { bookableRoom, bookPlanned, planSlots, retryOnRace } from '../bookings/service.ts';
import { findVenue } from '../venues/queries.ts';
import { classSaved, termCreated, termUpdated } from './audit-entries.ts';
import { NO_SEATS, toClass, toTerm } from './dto.ts';
import { offerFreeSeats } from './offers.ts';
import * as q from './queries.ts';
import type { ClassDto, CreateClassInput, CreateTermInput, SeatCounts, TermDto, UpdateClassInput, UpdateTermInput } from './schemas.ts';

/** Tells the term's screens to load it again (its rules, windows, classes or draw changed). */
export async function announceTerm({ trx, emit }: Pick<Write, 'trx' | 'emit'>, termId: string): Promise<TermDto> {
  const term = toTerm((await q.findTerm(trx, termId))!);
  emit({ topic: termTopic(termId), type: 'term.updated', data: { term } });
  return term;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** 32 random bytes as 64 lower-case hex characters, and its published hash. */
export function newTermSecret(): { secret: string; seedHash: string } {
  const secret = randomBytes(32).toString('hex');
  return { secret, seedHash: sha256Hex(secret) };
}

/** The term, readable by the caller (its venue is theirs; members are city-wide), or 404. */
export async function readableTerm(db: Executor, principal: Principal | null, termId: string): Promise<q.TermRow> {
  const term = await q.findTerm(db, termId);
  if (!term || !belongsTo(requirePrincipal(principal), term.venueId)) throw notFound('The term');
  return term;
}

function checkWindows(t: { renewFrom: string | null; renewUntil: string | null; applyFrom: string; applyUntil: string; classesPerMember: number; choicesPerApplication: number }) {
  const ms = (s: string) => new Date(s).getTime();
  if (ms(t.applyFrom) >= ms(t.applyUntil)) throw validationFailed('applyUntil', 'The application window must end after it opens.');
  if ((t.renewFrom === null) !== (t.renewUntil === null)) throw validationFailed('renewUntil', 'Give both ends of the renewal window, or neither.');
  if (t.renewFrom !== null && t.renewUntil !== null) {
    if (ms(t.renewFrom) >= ms(t.renewUntil)) throw validationFailed('renewUntil', 'The renewal window must end after it opens.');
    if (ms(t.renewUntil) > ms(t.applyFrom)) throw validationFailed('renewUntil', 'Returning students renew before applications open: the renewal window must end by the time applications open.');
  }
  if (t.classesPerMember > t.choicesPerApplication) {
    throw validationFailed('classesPerMember', 'A member cannot get more classes than they may choose: classesPerMember must not exceed choicesPerApplication.');
  }
}

export async function createTerm(db: Kysely<DB>, principal: Principal | null, input: CreateTermInput): Promise<TermDto> {
  const user = userOfVenue(principal, input.venueId);
  if (!(await findVenue(db, input.venueId))) throw new AppError('not_found', 'The venue was not found.', { field: 'venueId' });
  const name = input.name.trim();
  const rules = {
    renewFrom: input.renewFrom ?? null,
    renewUntil: input.renewUntil ?? null,
    applyFrom: input.applyFrom,
    applyUntil: input.applyUntil,
    classesPerMember: input.classesPerMember ?? 2,
    choicesPerApplication: input.choicesPerApplication ?? 3,
  };
  checkWindows(rules);
  return write(db, async ({ trx, audit }) => {
    const id = await q.insertTerm(trx, {
      venueId: input.venueId,
      name,
      mode: input.mode,
      ...rules,
      priorityCategories: input.priorityCategories ?? [],
      offerHours: input.offerHours ?? 48,
      payUntil: input.payUntil ?? null,
      ...newTermSecret(),
      createdBy: user.userId,
    });
    const term = toTerm((await q.findTerm(trx, id))!);
    await audit(user, termCreated(term));
    return term;
  });
}

export async function listTerms(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<TermDto[]> {
  if (!belongsTo(requirePrincipal(principal), venueId)) throw new AppError('forbidden', 'This venue is not one of yours.');
  return (await q.listTerms(db, venueId)).map((t) => toTerm(t));
}

export async function classesWithSeats(db: Executor, termId: string): Promise<ClassDto[]> {
  const [classes, counts] = await Promise.all([q.listClasses(db, termId), q.seatCounts(db, termId)]);
  const byClass = new Map<string, SeatCounts>(counts.map(({ classId, capacity: _capacity, ...seats }) => [classId, seats]));
  return classes.map((c) => toClass(c, byClass.get(c.id) ?? NO_SEATS));
}

export async function getTerm(db: Kysely<DB>, principal: Principal | null, termId: string) {
  const term = await readableTerm(db, principal, termId);
  return { term: toTerm(term), classes: await classesWithSeats(db, termId) };
}

/** Rules that decide a draw may not change once it ran: the result was computed from them. */
const FIXED_AFTER_DRAW = ['applyFrom', 'applyUntil', 'renewFrom', 'renewUntil', 'classesPerMember', 'choicesPerApplication', 'priorityCategories'] as const;

export async function updateTerm(db: Kysely<DB>, principal: Principal | null, termId: string, input: UpdateTermInput): Promise<TermDto> {
  return write(db, async ({ trx, emit, audit }) => {
    const row = await q.lockTerm(trx, termId, 'update');
    if (!row) throw notFound('The term');
    const user = userOfVenue(principal, row.venueId);
    const before = toTerm(row);
    if (row.drawnAt) {
      const fixed = FIXED_AFTER_DRAW.find((key) => input[key] !== undefined && JSON.stringify(input[key]) !== JSON.stringify(before[key]));
      if (fixed) throw new AppError('conflict', `The draw has been made: ${fixed} can no longer change (only the name, the payment deadline and the offer hours can).`, { field: fixed });
    }
    const rules = {
      renewFrom: input.renewFrom !== undefined ? input.renewFrom : before.renewFrom,
      renewUntil: input.renewUntil !== undefined ? input.renewUntil : before.renewUntil,
      applyFrom: input.applyFrom ?? before.applyFrom,
      applyUntil: input.applyUntil ?? before.applyUntil,
      classesPerMember: input.classesPerMember ?? before.classesPerMember,
      choicesPerApplication: input.choicesPerApplication ?? before.choicesPerApplication,
    };
    checkWindows(rules);
    const { name, ...rest } = input;
    await q.updateTerm(trx, termId, { ...rest, ...(name !== undefined ? { name: name.trim() } : {}) });
    const after = await announceTerm({ trx, emit }, termId);
    await audit(user, termUpdated(before, after));
    return after;
  });
}

/** The class `continuesClassId` names must be of an earlier term of the same venue. */
async function checkContinuation(db: Executor, term: q.TermRow, continuesClassId: string | null | undefined): Promise<void> {
  if (!continuesClassId) return;
  const previous = await q.findClass(db, continuesClassId);
  const previousTerm = previous ? await q.findTerm(db, previous.termId) : undefined;
  if (!previous || !previousTerm || previousTerm.venueId !== term.venueId || previousTerm.id === term.id) {
    throw validationFailed('continuesClassId', 'continuesClassId must name a class of an earlier term of this venue.');
  }
}

function checkAgeBounds(input: { minAgeFemale?: number | null; minAgeMale?: number | null; maxAge?: number | null }) {
  const max = input.maxAge ?? null;
  for (const field of ['minAgeFemale', 'minAgeMale'] as const) {
    const min = input[field] ?? null;
    if (min !== null && max !== null && min > max) throw validationFailed(field, `${field} may not be above maxAge: nobody could enrol.`);
  }
}

export async function createClass(db: Kysely<DB>, principal: Principal | null, termId: string, input: CreateClassInput): Promise<ClassDto> {
  const term = await readableTerm(db, principal, termId);
  userOfVenue(principal, term.venueId);
  const place = await bookableRoom(db, principal, input.roomId);
  if (place.room.venueId !== term.venueId) throw validationFailed('roomId', 'The room must be one of the term’s venue.');
  await checkContinuation(db, term, input.continuesClassId);
  checkAgeBounds(input);
  const name = input.name.trim();
  const course = input.course.trim();
  const plan = planSlots({ start: input.firstStart, end: input.firstEnd, recurrence: { rrule: input.rrule } }, place.venue.timezone);
  if (!plan.series) throw validationFailed('rrule', 'A class meets weekly: give a repeat rule such as FREQ=WEEKLY;UNTIL=20270630T000000Z.');
  // Holidays (the venue's closures) are skipped, never a reason to refuse; another booking in the way is.
  const booking = { title: `${course} · ${name}`, kind: 'class' as const, skipConflicts: false };
  return retryOnRace(db, place, plan, booking, () =>
    write(db, async (w) => {
      const locked = await q.lockTerm(w.trx, termId, 'share');
      if (!locked) throw notFound('The term');
      const { seriesId } = await bookPlanned(w, place, plan, booking);
      const id = await q.insertClass(w.trx, {
        termId,
        name,
        course,
        teacher: input.teacher?.trim() || null,
        level: input.level?.trim() || null,
        feeCents: input.feeCents ?? 0,
        roomId: input.roomId,
        seriesId,
        firstStart: new Date(input.firstStart),
        firstEnd: new Date(input.firstEnd),
        rrule: plan.series!.rrule,
        capacity: input.capacity,
        minAgeFemale: input.minAgeFemale ?? null,
        minAgeMale: input.minAgeMale ?? null,
        maxAge: input.maxAge ?? null,
        categories: input.categories && input.categories.length > 0 ? input.categories : null,
        continuesClassId: input.continuesClassId ?? null,
      });
      const created = toClass((await q.findClass(w.trx, id))!);
      await w.audit(place.user, classSaved('term.class_created', toTerm(locked), created));
      await announceTerm(w, termId);
      return created;
    }),
  );
}

export async function updateClass(db: Kysely<DB>, principal: Principal | null, classId: string, input: UpdateClassInput): Promise<ClassDto> {
  try {
    return await write(db, async ({ trx, emit, audit }) => {
      const [existing] = await q.lockClasses(trx, [classId]);
      if (!existing) throw notFound('The class');
      const term = (await q.findTerm(trx, existing.termId))!;
      const user = userOfVenue(principal, term.venueId);
      const bound = <K extends 'minAgeFemale' | 'minAgeMale' | 'maxAge'>(key: K) => (input[key] !== undefined ? input[key] : existing[key]);
      checkAgeBounds({ minAgeFemale: bound('minAgeFemale'), minAgeMale: bound('minAgeMale'), maxAge: bound('maxAge') });
      if (input.capacity !== undefined && input.capacity < existing.taken) {
        throw new AppError('conflict', `${existing.taken} seats of this class are already taken or offered: the capacity cannot go below that.`, { field: 'capacity', taken: existing.taken });
      }
      await q.updateClass(trx, classId, {
        ...input,
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.course !== undefined ? { course: input.course.trim() } : {}),
        ...(input.teacher !== undefined ? { teacher: input.teacher?.trim() || null } : {}),
        ...(input.level !== undefined ? { level: input.level?.trim() || null } : {}),
        ...(input.categories !== undefined ? { categories: input.categories && input.categories.length > 0 ? input.categories : null } : {}),
      });
      const before = toClass(existing);
      const after = toClass((await q.findClass(trx, classId))!);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(input) as Array<keyof UpdateClassInput>) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
      }
      await audit(user, classSaved('term.class_updated', toTerm(term), after, changes));
      await q.markSeatsChanged(trx, term.id);
      await announceTerm({ trx, emit }, term.id);
      // A larger class has free seats now: the first on its waiting list are offered them.
      if (input.capacity !== undefined && input.capacity > existing.capacity) await offerFreeSeats({ trx }, term, classId);
      return after;
    });
  } catch (error) {
    // The check constraint is the last word on capacity (a seat taken between our read and our update).
    if (pgErrorCode(error) === '23514') throw new AppError('conflict', 'Seats were taken meanwhile: the capacity cannot go below the seats held. Reload and try again.', { field: 'capacity' });
    throw error;
  }
}

/** The venue of a `term:<id>` topic, for the subscription check (realtime/topic-access.ts). */
export function termTopicVenue(db: Kysely<DB>) {
  return async (termId: string) => (await q.findTerm(db, termId))?.venueId ?? null;
}
