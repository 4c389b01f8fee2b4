/**
 * 续报 on the phone pages (docs/enrolment.md "Placements", docs/api.md "Senior-university enrolment"): in a
 * term's renewal window, a student admitted in the class that a class of this term continues confirms a seat in
 * it (`POST /api/terms/:termId/renewals`). The server decides who may; the page only works out which classes to
 * offer, so that a newcomer is not shown a button meant for others: the classes that continue one the member held
 * a seat in, found among their placements in the centre's earlier terms (the same terms the office picks the
 * continued class from). Pure: the page passes what it loaded and the way it writes dates.
 */
import type { ClassDto, PlacementDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import { ApiError } from '../lib/api.ts';
import type { Lang, Params } from '../lib/i18n-core.ts';
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import { errorSentence } from './error-sentence.ts';
import type { Eligibility } from './member-api.ts';
import type { Line } from './status-view.ts';
import { yuan } from './times.ts';

/** As many earlier terms as the office's class form offers to continue (client/enrolment/ClassForm.svelte). */
export const EARLIER_TERMS = 6;

/** The centre's terms that opened before this one, newest first: where a continued class can be. */
export function earlierTerms(terms: readonly TermDto[], term: TermDto, max = EARLIER_TERMS): TermDto[] {
  return terms
    .filter((t) => t.id !== term.id && t.venueId === term.venueId && t.applyFrom < term.applyFrom)
    .sort((a, b) => b.applyFrom.localeCompare(a.applyFrom))
    .slice(0, max);
}

/** The classes the member held a seat in (admitted), each with the name of its term. */
export function heldClasses(placements: readonly PlacementDto[], terms: readonly TermDto[]): Map<string, string> {
  const names = new Map(terms.map((t) => [t.id, t.name]));
  const held = new Map<string, string>();
  for (const p of placements) if (p.status === 'admitted') held.set(p.classId, names.get(p.termId) ?? '');
  return held;
}

export interface RenewalOffer {
  cls: ClassDto;
  /** The earlier term where the member studied the class this one continues; null when not known. */
  fromTerm: string | null;
}

/**
 * The classes to offer for 续报 now: only in the renewal window, classes that continue another, where the member
 * has no placement yet (one per member and class: renewed, or taken some other way). `held` from heldClasses;
 * null when the member's earlier seats could not be read: then every continuing class is offered and the
 * server's answer says who may.
 */
export function renewalOffers(term: TermDto, classes: readonly ClassDto[], mine: Eligibility | null, held: ReadonlyMap<string, string> | null): RenewalOffer[] {
  if (term.phase !== 'renewal' || !mine) return [];
  const placed = new Set(mine.placements.map((p) => p.classId));
  const alreadyPlaced = new Set(mine.classes.filter((c) => c.reason?.code === 'already_placed').map((c) => c.classId));
  const offers: RenewalOffer[] = [];
  for (const cls of classes) {
    if (cls.continuesClassId === null || placed.has(cls.id) || alreadyPlaced.has(cls.id)) continue;
    if (held === null) offers.push({ cls, fromTerm: null });
    else if (held.has(cls.continuesClassId)) offers.push({ cls, fromTerm: held.get(cls.continuesClassId) || null });
  }
  return offers;
}

/** What the confirm step says: the class, and what comes after (the fee and by when, if there is one). */
export function renewAsk(cls: ClassDto, term: TermDto, name: string, at: (instant: string) => string): Line {
  if (cls.feeCents <= 0) return { key: 'mapp.renew.ask', params: { name } };
  const fee = yuan(cls.feeCents);
  return term.payUntil
    ? { key: 'mapp.renew.askPayBy', params: { name, fee, date: at(term.payUntil) } }
    : { key: 'mapp.renew.askPay', params: { name, fee } };
}

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A refused renewal as a sentence. The phone pages' general words speak of applications ("报名时间已过"); a
 * renewal has its own: the renewal window is over, or this class was renewed already (a retry after a lost
 * answer). The rest (not a student of the class continued, no seat left) is the server's own sentence.
 */
export function renewalSentence(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof ApiError && error.code === 'window_closed') return t('mapp.renew.err.closed');
  if (error instanceof ApiError && error.code === 'duplicate') return t('mapp.renew.err.duplicate');
  return errorSentence(error, lang, t);
}

/**
 * Whether pressing again cannot help: the member is not a student of the class continued, the class has no seat
 * left, or it is not theirs to ask. A lost answer or a passing failure may be tried again.
 */
export function isFinalRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'not_eligible' || error.code === 'conflict' || error.code === 'forbidden');
}
