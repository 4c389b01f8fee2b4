import { describe, expect, it } from 'vitest';
import type { PlacementDto } from '../../server/modules/enrolment/schemas.ts';
import { currentPlacements, placementOrder, statusView } from './status-view.ts';

const base: PlacementDto = {
  id: 'p1',
  termId: 't',
  applicationId: 'a',
  memberId: 'm',
  classId: 'c1',
  status: 'admitted',
  position: null,
  source: 'draw',
  offerExpiresAt: null,
  payBy: null,
  paidAt: null,
  receiptNo: null,
  amountCents: null,
  withdrawnReason: null,
};
const now = new Date('2027-03-01T02:00:00Z');
const ctx = { now, at: (instant: string) => `AT(${instant})`, feeCents: 30000 };

describe('what the phone page says about a seat', () => {
  it('an admitted, unpaid seat says the fee and the date to pay by', () => {
    const view = statusView({ ...base, payBy: '2027-03-05T10:00:00Z' }, ctx);
    expect(view).toEqual({
      tone: 'due',
      headline: { key: 'mapp.status.admitted' },
      detail: { key: 'mapp.status.payBy', params: { date: 'AT(2027-03-05T10:00:00Z)', fee: '300' } },
      actions: ['withdraw'],
    });
    expect(statusView(base, ctx).detail).toEqual({ key: 'mapp.status.payAtDesk', params: { fee: '300' } });
    expect(statusView(base, { ...ctx, feeCents: 0 })).toMatchObject({ tone: 'ok', detail: null });
  });

  it('a paid seat is good news', () => {
    expect(statusView({ ...base, paidAt: '2027-03-02T01:00:00Z', payBy: '2027-03-05T10:00:00Z' }, ctx)).toMatchObject({
      tone: 'ok',
      detail: { key: 'mapp.status.paid' },
    });
  });

  it('a returning student’s seat says 已续报, with the fee to pay like any seat', () => {
    const renewed = { ...base, source: 'returning' as const, applicationId: null, payBy: '2027-03-05T10:00:00Z' };
    expect(statusView(renewed, ctx)).toMatchObject({ tone: 'due', headline: { key: 'mapp.status.renewed' }, detail: { key: 'mapp.status.payBy' } });
    expect(statusView({ ...renewed, paidAt: '2027-03-02T01:00:00Z' }, ctx)).toMatchObject({ tone: 'ok', headline: { key: 'mapp.status.renewed' } });
  });

  it('a waiting list place says its number in words', () => {
    expect(statusView({ ...base, status: 'waitlisted', position: 3 }, ctx)).toMatchObject({
      tone: 'wait',
      headline: { key: 'mapp.status.waitlisted', params: { n: 3 } },
      actions: ['leaveWaitlist'],
    });
  });

  it('an offer says until when, with 接受 and 放弃; one that has lapsed offers nothing', () => {
    const offer = { ...base, status: 'offered' as const, offerExpiresAt: '2027-03-02T02:00:00Z' };
    expect(statusView(offer, ctx)).toEqual({
      tone: 'offer',
      headline: { key: 'mapp.status.offered' },
      detail: { key: 'mapp.status.offeredUntil', params: { date: 'AT(2027-03-02T02:00:00Z)' } },
      actions: ['accept', 'decline'],
    });
    expect(statusView(offer, { ...ctx, now: new Date('2027-03-02T02:00:00Z') })).toMatchObject({ tone: 'gone', actions: [] });
  });

  it('a withdrawn seat says why, in plain words', () => {
    expect(statusView({ ...base, status: 'withdrawn', withdrawnReason: 'unpaid' }, ctx).headline.key).toBe('mapp.status.gone.unpaid');
    expect(statusView({ ...base, status: 'withdrawn', withdrawnReason: 'offer_expired' }, ctx).headline.key).toBe('mapp.status.gone.offerExpired');
  });

  it('lists an offer first, then seats, waiting places and what is over, each by the order of choice', () => {
    const list: PlacementDto[] = [
      { ...base, id: 'w', classId: 'c3', status: 'withdrawn', withdrawnReason: 'member' },
      { ...base, id: 'l2', classId: 'c2', status: 'waitlisted', position: 2 },
      { ...base, id: 'l1', classId: 'c1', status: 'waitlisted', position: 5 },
      { ...base, id: 'a', classId: 'c4', status: 'admitted' },
      { ...base, id: 'o', classId: 'c5', status: 'offered' },
    ];
    expect([...list].sort(placementOrder(['c1', 'c2', 'c3', 'c4', 'c5'])).map((p) => p.id)).toEqual(['o', 'a', 'l1', 'l2', 'w']);
  });

  it('shows one placement per class, the live one over an old withdrawn one', () => {
    const list: PlacementDto[] = [
      { ...base, id: 'old', status: 'withdrawn', withdrawnReason: 'redraw' },
      { ...base, id: 'new', status: 'waitlisted', position: 1 },
      { ...base, id: 'other', classId: 'c2' },
    ];
    expect(currentPlacements(list).map((p) => p.id)).toEqual(['new', 'other']);
  });
});
