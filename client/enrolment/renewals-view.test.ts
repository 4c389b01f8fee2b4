import { describe, expect, it } from 'vitest';
import { memberRenewals, renewalClasses, sortedForDesk, type EarlierClass } from './renewals-view.ts';
import { aClass, aPlacement } from './testing.ts';
import type { RosterStudent } from './types.ts';

const student = (memberId: string, memberNo: string): RosterStudent => ({
  placementId: `old-${memberId}`,
  memberId,
  name: `学员${memberId}`,
  memberNo,
  gender: null,
  birthMonth: null,
  phone: null,
  category: 'retired',
  paidAt: null,
  receiptNo: null,
});

const earlier = new Map<string, EarlierClass>([['old1', { name: '书法初级一班', termName: '2026 年秋季学期', students: [student('m2', '002'), student('m1', '001'), student('m3', '003')] }]]);

describe('renewals (续报)', () => {
  const classes = [aClass('c1', { continuesClassId: 'old1', capacity: 3 }), aClass('c2'), aClass('c3', { continuesClassId: 'old9' })];
  const placements = [
    aPlacement('p1', { memberId: 'm1', classId: 'c1', source: 'returning', memberNo: '001' }),
    aPlacement('p2', { memberId: 'm2', classId: 'c1', source: 'returning', status: 'withdrawn', withdrawnReason: 'member', memberNo: '002' }),
    aPlacement('p3', { memberId: 'm9', classId: 'c2', source: 'draw' }),
  ];

  it('lists the continuing classes with who renewed, who left, and who has not renewed yet', () => {
    const groups = renewalClasses(classes, earlier, placements);
    expect(groups.map((g) => g.cls.id)).toEqual(['c1', 'c3']);
    const [first, second] = groups;
    expect(first!.earlier?.name).toBe('书法初级一班');
    expect(first!.renewed.map((p) => p.id)).toEqual(['p1']);
    expect(first!.withdrawn.map((p) => p.id)).toEqual(['p2']);
    // m2 renewed and withdrew: may renew again, so is on the list to call; sorted by member number.
    expect(first!.notYet.map((s) => s.memberId)).toEqual(['m2', 'm3']);
    // The roster of the class c3 continues is not loaded: nothing is guessed.
    expect(second!.earlier).toBeNull();
    expect(second!.notYet).toEqual([]);
  });

  it('counts the free seats from the class’s seats', () => {
    const full = aClass('c1', { continuesClassId: 'old1', capacity: 2, seats: { admitted: 1, offered: 1, waitlisted: 0, applicants: 0, firstChoice: 0 } });
    expect(renewalClasses([full], earlier, [])[0]!.free).toBe(0);
  });

  it('says for a member at the desk which classes they may renew', () => {
    const groups = renewalClasses(classes, earlier, placements);
    const states = (memberId: string) => memberRenewals(groups, memberId, placements).map((o) => o.state);
    expect(states('m1')).toEqual(['held', 'unknown']);
    expect(states('m3')).toEqual(['renewable', 'unknown']);
    expect(states('m2')).toEqual(['renewable', 'unknown']);
    expect(states('m7')).toEqual(['not_student', 'unknown']);
    const noSeat = renewalClasses([aClass('c1', { continuesClassId: 'old1', capacity: 1, seats: { admitted: 1, offered: 0, waitlisted: 0, applicants: 0, firstChoice: 0 } })], earlier, []);
    expect(memberRenewals(noSeat, 'm3', []).map((o) => o.state)).toEqual(['full']);
  });

  it('puts what the desk will press first', () => {
    const groups = renewalClasses(classes, earlier, placements);
    const options = memberRenewals([...groups].reverse(), 'm3', placements);
    expect(sortedForDesk(options).map((o) => o.state)).toEqual(['renewable', 'unknown']);
  });
});
