/**
 * What the phone page says about a member's seat in a class, and which buttons it offers: one plain headline
 * ("已录取", "候补第 3 位", "有空位了！"), one line of what to do and by when, and the buttons that make sense now
 * (docs/api.md "Senior-university enrolment": accept or decline an offer before it expires; withdraw a seat or
 * leave a waiting list). Pure: the page passes the clock and a way to write times.
 */
import type { PlacementDto } from '../../server/modules/enrolment/schemas.ts';
import type { WithdrawnReason } from '../../server/shared/enums.ts';
import type { Params } from '../lib/i18n-core.ts';
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import { yuan } from './times.ts';

export interface Line {
  key: MessageKey;
  params?: Params;
}

/** Colour and weight of the card: good news, something to do by a date, waiting, an offer to answer, over. */
export type Tone = 'ok' | 'due' | 'wait' | 'offer' | 'gone';

export type PlacementAction = 'accept' | 'decline' | 'withdraw' | 'leaveWaitlist';

export interface StatusView {
  tone: Tone;
  headline: Line;
  detail: Line | null;
  actions: PlacementAction[];
}

const GONE: Record<WithdrawnReason, MessageKey> = {
  member: 'mapp.status.gone.member',
  staff: 'mapp.status.gone.staff',
  declined: 'mapp.status.gone.declined',
  offer_expired: 'mapp.status.gone.offerExpired',
  unpaid: 'mapp.status.gone.unpaid',
  redraw: 'mapp.status.gone.redraw',
  upgraded: 'mapp.status.gone.upgraded',
};

export interface StatusContext {
  now: Date;
  /** An instant as the page writes a deadline (venue zone, with the weekday). */
  at: (instant: string) => string;
  /** The class's fee in fen. */
  feeCents: number;
}

export function statusView(p: PlacementDto, { now, at, feeCents }: StatusContext): StatusView {
  switch (p.status) {
    case 'offered': {
      const expires = p.offerExpiresAt ? new Date(p.offerExpiresAt) : null;
      // The server withdraws a lapsed offer on its own schedule; until it has, answering is already refused.
      if (expires && expires.getTime() <= now.getTime()) {
        return { tone: 'gone', headline: { key: 'mapp.status.offered' }, detail: { key: 'mapp.status.offerLapsed' }, actions: [] };
      }
      return {
        tone: 'offer',
        headline: { key: 'mapp.status.offered' },
        detail: p.offerExpiresAt ? { key: 'mapp.status.offeredUntil', params: { date: at(p.offerExpiresAt) } } : null,
        actions: ['accept', 'decline'],
      };
    }
    case 'admitted': {
      // A returning student's seat (续报) says so: they confirmed it themselves, no draw gave it.
      const headline: Line = { key: p.source === 'returning' ? 'mapp.status.renewed' : 'mapp.status.admitted' };
      if (p.paidAt) return { tone: 'ok', headline, detail: { key: 'mapp.status.paid', params: { date: at(p.paidAt) } }, actions: ['withdraw'] };
      if (feeCents <= 0) return { tone: 'ok', headline, detail: null, actions: ['withdraw'] };
      const fee = yuan(feeCents);
      return p.payBy
        ? { tone: 'due', headline, detail: { key: 'mapp.status.payBy', params: { date: at(p.payBy), fee } }, actions: ['withdraw'] }
        : { tone: 'due', headline, detail: { key: 'mapp.status.payAtDesk', params: { fee } }, actions: ['withdraw'] };
    }
    case 'waitlisted':
      return {
        tone: 'wait',
        headline: { key: 'mapp.status.waitlisted', params: { n: p.position ?? '?' } },
        detail: { key: 'mapp.status.waitlistedNote' },
        actions: ['leaveWaitlist'],
      };
    case 'withdrawn':
      return { tone: 'gone', headline: { key: p.withdrawnReason ? GONE[p.withdrawnReason] : 'mapp.status.gone.staff' }, detail: null, actions: [] };
  }
}

/** Current seats first (an offer to answer, then admitted, then waiting), withdrawn ones last, then by the member's order of choice. */
export function placementOrder(choices: readonly string[]): (a: PlacementDto, b: PlacementDto) => number {
  const weight = { offered: 0, admitted: 1, waitlisted: 2, withdrawn: 3 } as const;
  const rank = (classId: string) => {
    const i = choices.indexOf(classId);
    return i < 0 ? choices.length : i;
  };
  return (a, b) => weight[a.status] - weight[b.status] || rank(a.classId) - rank(b.classId);
}

/**
 * The member's placements worth showing: a class may have an old withdrawn placement and a new one (offered
 * again after a redraw): show the newest state of each class, never both.
 */
export function currentPlacements(placements: readonly PlacementDto[]): PlacementDto[] {
  const byClass = new Map<string, PlacementDto>();
  for (const p of placements) {
    const seen = byClass.get(p.classId);
    if (!seen || (seen.status === 'withdrawn' && p.status !== 'withdrawn')) byClass.set(p.classId, p);
  }
  return [...byClass.values()];
}
