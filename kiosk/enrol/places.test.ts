import { describe, expect, it } from 'vitest';
import { placeLines } from './places.ts';
import type { PlacementDto } from './types.ts';

const placement = (classId: string, fields: Partial<PlacementDto> = {}): PlacementDto => ({
  id: `p-${classId}`,
  termId: 't1',
  applicationId: 'app1',
  memberId: 'm1',
  classId,
  status: 'admitted',
  position: null,
  source: 'first_come',
  offerExpiresAt: null,
  payBy: '2027-02-20T10:00:00Z',
  paidAt: null,
  receiptNo: null,
  amountCents: null,
  withdrawnReason: null,
  ...fields,
});

describe('where a member stands in each choice', () => {
  it('is pending for every choice of a lottery not drawn yet', () => {
    expect(placeLines(['a', 'b'], [], false).map((l) => [l.rank, l.status.kind])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
    ]);
  });

  it('says admitted, waiting list place N, or no seat, in the order of the choices', () => {
    const lines = placeLines(['a', 'b', 'c'], [placement('b', { status: 'waitlisted', position: 3, payBy: null }), placement('a')], true);
    expect(lines).toEqual([
      { classId: 'a', rank: 1, status: { kind: 'admitted', payBy: '2027-02-20T10:00:00Z', paid: false }, placementId: 'p-a' },
      { classId: 'b', rank: 2, status: { kind: 'waitlisted', position: 3 }, placementId: 'p-b' },
      { classId: 'c', rank: 3, status: { kind: 'none' }, placementId: null },
    ]);
  });

  it('prefers a live placement to a withdrawn one, and lists a renewed seat after the choices', () => {
    const lines = placeLines(
      ['a'],
      [placement('a', { id: 'old', status: 'withdrawn', withdrawnReason: 'declined' }), placement('a', { id: 'new', status: 'offered', offerExpiresAt: '2027-03-01T10:00:00Z' }), placement('r', { source: 'returning', applicationId: null })],
      true,
    );
    expect(lines.map((l) => [l.classId, l.rank, l.status.kind, l.placementId])).toEqual([
      ['a', 1, 'offered', 'new'],
      ['r', null, 'admitted', 'p-r'],
    ]);
  });
});
