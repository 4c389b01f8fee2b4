import { describe, expect, it } from 'vitest';
import { overview } from './overview.ts';
import { maskName, resultView, shortReference } from './outcome.ts';
import type { ApplicationDto, ClassDto, EligibilityDto, PlacementDto } from './types.ts';

const app: ApplicationDto = {
  id: '3f2a9c1e-0000-4000-8000-000000000001',
  termId: 't1',
  memberId: 'm1',
  choices: ['a', 'b'],
  channel: 'kiosk',
  createdAt: '2027-01-10T02:00:00Z',
  updatedAt: '2027-01-11T02:00:00Z',
};
const placement = (classId: string, fields: Partial<PlacementDto> = {}): PlacementDto => ({
  id: `9b8c7d6e-${classId}`,
  termId: 't1',
  applicationId: app.id,
  memberId: 'm1',
  classId,
  status: 'admitted',
  position: null,
  source: 'first_come',
  offerExpiresAt: null,
  payBy: null,
  paidAt: null,
  receiptNo: null,
  amountCents: null,
  withdrawnReason: null,
  ...fields,
});
const lottery = { mode: 'lottery' as const, applyUntil: '2027-02-01T10:00:00Z', drawnAt: null };
const firstCome = { mode: 'first_come' as const, applyUntil: '2027-02-01T10:00:00Z', drawnAt: null };

describe('the result of an application', () => {
  it('in a lottery: every choice waits for the draw after applications close', () => {
    const view = resultView({ kind: 'applied', application: app, placements: null }, lottery);
    expect(view).toMatchObject({ kind: 'applied', drawAfter: lottery.applyUntil, reference: '3F2A9C1E', at: app.createdAt, printable: true });
    expect(view.lines.map((l) => l.status.kind)).toEqual(['pending', 'pending']);
  });

  it('first-come: admitted or the place on the waiting list, choice by choice', () => {
    const view = resultView({ kind: 'applied', application: app, placements: [placement('b', { status: 'waitlisted', position: 4 }), placement('a')] }, firstCome);
    expect(view.drawAfter).toBeNull();
    expect(view.lines.map((l) => [l.rank, l.status])).toEqual([
      [1, { kind: 'admitted', payBy: null, paid: false }],
      [2, { kind: 'waitlisted', position: 4 }],
    ]);
  });

  it('a declined seat leaves nothing to print', () => {
    const declined = resultView({ kind: 'declined', placement: placement('a', { status: 'withdrawn', withdrawnReason: 'declined' }) }, lottery);
    expect(declined.printable).toBe(false);
    expect(declined.lines[0]!.status.kind).toBe('withdrawn');
  });

  it('shortens ids to eight figures and masks names for the slip', () => {
    expect(shortReference('3f2a9c1e-0000-4000-8000-000000000001')).toBe('3F2A9C1E');
    expect(maskName('张建国')).toBe('张*国');
    expect(maskName('欧阳明华')).toBe('欧**华');
    expect(maskName('王英')).toBe('王*');
    expect(maskName('李')).toBe('李');
  });
});

const klass = (id: string, continuesClassId: string | null = null) => ({ id, continuesClassId }) as ClassDto;
const eligibility = (fields: Partial<EligibilityDto>): EligibilityDto => ({
  member: { id: 'm1', name: '张建国' },
  classes: [],
  application: null,
  placements: [],
  ...fields,
});

describe('the member’s overview', () => {
  it('lists an offered seat first, with its deadline', () => {
    const o = overview(eligibility({ application: app, placements: [placement('a', { status: 'offered', offerExpiresAt: '2027-03-01T10:00:00Z' })] }), { ...lottery, drawnAt: '2027-02-02T02:00:00Z' }, 'results', []);
    expect(o.offers).toEqual([{ placementId: '9b8c7d6e-a', classId: 'a', until: '2027-03-01T10:00:00Z' }]);
    expect(o.application?.lines.map((l) => l.status.kind)).toEqual(['offered', 'none']);
    expect(o.application?.canChange).toBe(false);
  });

  it('in the renewal window, offers the continuing classes the member may renew and marks those renewed', () => {
    const classes = [klass('cont1', 'old1'), klass('cont2', 'old2'), klass('new')];
    const o = overview(
      eligibility({
        classes: [
          { classId: 'cont1', eligible: true },
          { classId: 'cont2', eligible: false, reason: { code: 'continuation', zh: '', en: '' } },
          { classId: 'new', eligible: false, reason: { code: 'continuation', zh: '', en: '' } },
        ],
        placements: [placement('cont2', { source: 'returning', applicationId: null })],
      }),
      lottery,
      'renewal',
      classes,
    );
    expect(o.renewals).toEqual([
      { classId: 'cont1', renewed: false },
      { classId: 'cont2', renewed: true },
    ]);
    // The renewed seat is listed with its renewal, not again among the seats.
    expect(o.seats).toEqual([]);
    expect(o.canApply).toBe(false);
  });

  it('while applications are open: a lottery application may be changed; without one, the member may apply', () => {
    expect(overview(eligibility({ application: app }), lottery, 'applying', []).application?.canChange).toBe(true);
    expect(overview(eligibility({ application: app }), firstCome, 'applying', []).application?.canChange).toBe(false);
    expect(overview(eligibility({}), lottery, 'applying', []).canApply).toBe(true);
  });
});
