import { describe, expect, it } from 'vitest';
import { forViewer } from './privacy.ts';

describe('forViewer', () => {
  const member = {
    id: '00000000-0000-4000-8000-000000000001',
    memberNo: 'QJ2025000001',
    name: '张建国',
    gender: 'male' as const,
    birthMonth: '1948-03',
    formerUnit: '市财政局',
    formerPosition: '处长',
    category: 'retired' as const,
    phone: '13812341741',
    cardCode: 'QJ2025K7M3Q9',
    notes: '住 3 栋',
  };

  it('gives a device the mask and the name, no code, member number or personal details', () => {
    const device = { kind: 'device', deviceId: 'd', deviceKind: 'kiosk', venueId: 'v' } as unknown as Parameters<typeof forViewer>[1];
    expect(forViewer(member, device)).toEqual({
      ...member,
      phone: '138****1741',
      memberNo: null,
      cardCode: null,
      birthMonth: null,
      formerUnit: null,
      formerPosition: null,
      notes: null,
    });
  });

  it('gives staff everything', () => {
    const staff = { kind: 'user', userId: 'u', role: 'coordinator', venueIds: [] } as unknown as Parameters<typeof forViewer>[1];
    expect(forViewer(member, staff)).toEqual(member);
  });
});
