import { describe, expect, it } from 'vitest';
import { filterApplications } from './applications-view.ts';
import { anApplication } from './testing.ts';

describe('the list of applications', () => {
  const later = { ...anApplication('a2', '李建国', '20160412', ['c2']), createdAt: '2027-02-12T01:00:00.000Z' };
  const list = [anApplication('a1', '张晓华', '20170831', ['c1', 'c2']), later, anApplication('a3', 'Wang Fang', null, ['c1'])];

  it('puts the newest first', () => {
    expect(filterApplications(list, '', '').map((a) => a.id)).toEqual(['a2', 'a3', 'a1']);
  });

  it('finds by name or member number, and by class chosen at any rank', () => {
    expect(filterApplications(list, '晓华', '').map((a) => a.id)).toEqual(['a1']);
    expect(filterApplications(list, ' 0412 ', '').map((a) => a.id)).toEqual(['a2']);
    expect(filterApplications(list, 'wang', '').map((a) => a.id)).toEqual(['a3']);
    expect(filterApplications(list, '', 'c2').map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(filterApplications(list, '张', 'c2').map((a) => a.id)).toEqual(['a1']);
  });
});
