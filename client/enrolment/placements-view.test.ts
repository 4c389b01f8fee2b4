import { describe, expect, it } from 'vitest';
import { matchesMember, payState, placementsByClass, timeLeft, unpaidCount } from './placements-view.ts';
import { aClass, aPlacement } from './testing.ts';

const NOW = new Date('2027-03-01T02:00:00.000Z');

describe('placements of a class', () => {
  const classes = [aClass('c1'), aClass('c2', { feeCents: 0 })];
  const placements = [
    aPlacement('3', { memberNo: '0003' }),
    aPlacement('1', { memberNo: '0001', paidAt: '2027-02-25T02:00:00.000Z', receiptNo: 'R1', amountCents: 28_000 }),
    aPlacement('w2', { status: 'waitlisted', position: 2 }),
    aPlacement('w1', { status: 'waitlisted', position: 1 }),
    aPlacement('o1', { status: 'offered', offerExpiresAt: '2027-03-02T02:00:00.000Z' }),
    aPlacement('x1', { status: 'withdrawn', withdrawnReason: 'unpaid' }),
    aPlacement('9', { classId: 'c2' }),
  ];

  it('groups by class in the term’s order and sorts each list for the desk', () => {
    const [c1, c2] = placementsByClass(classes, placements);
    expect(c1!.admitted.map((p) => p.id)).toEqual(['1', '3']);
    expect(c1!.waitlisted.map((p) => p.position)).toEqual([1, 2]);
    expect(c1!.offered.map((p) => p.id)).toEqual(['o1']);
    expect(c1!.withdrawn.map((p) => p.id)).toEqual(['x1']);
    expect(c2!.admitted.map((p) => p.id)).toEqual(['9']);
    expect(unpaidCount(c1!, NOW)).toBe(1);
    expect(unpaidCount(c2!, NOW)).toBe(0);
  });

  it('says where each seat stands with its fee', () => {
    expect(payState(aPlacement('a', { paidAt: '2027-02-25T02:00:00.000Z' }), 28_000, NOW)).toBe('paid');
    expect(payState(aPlacement('a'), 0, NOW)).toBe('free');
    expect(payState(aPlacement('a'), 28_000, NOW)).toBe('due');
    expect(payState(aPlacement('a', { payBy: '2027-03-05T09:00:00.000Z' }), 28_000, NOW)).toBe('due');
    expect(payState(aPlacement('a', { payBy: '2027-03-01T01:00:00.000Z' }), 28_000, NOW)).toBe('overdue');
  });

  it('counts an offer down', () => {
    expect(timeLeft('2027-03-02T03:30:59.000Z', NOW)).toEqual({ expired: false, hours: 25, minutes: 30 });
    expect(timeLeft('2027-03-01T02:00:00.000Z', NOW)).toEqual({ expired: true, hours: 0, minutes: 0 });
    expect(timeLeft('nonsense', NOW).expired).toBe(true);
  });

  it('finds a member by name or number', () => {
    const p = aPlacement('1', { memberName: '张晓华', memberNo: '20170831' });
    expect(matchesMember(p, '')).toBe(true);
    expect(matchesMember(p, '晓华')).toBe(true);
    expect(matchesMember(p, '0831')).toBe(true);
    expect(matchesMember(p, '李')).toBe(false);
  });
});
