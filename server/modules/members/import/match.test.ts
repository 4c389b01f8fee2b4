import { describe, expect, it } from 'vitest';
import { decideLines, type GoodLine } from './match.ts';
import type { ExistingMember } from './queries.ts';
import type { MemberInput } from './rows.ts';

const input = (partial: Partial<MemberInput> & { name: string }): MemberInput => ({
  gender: null, birthMonth: null, formerUnit: null, formerPosition: null, category: 'other',
  phone: null, cardCode: null, memberNo: null, notes: null, ...partial,
});
const line = (n: number, partial: Partial<MemberInput> & { name: string }): GoodLine => ({
  line: n,
  member: input(partial),
  given: (Object.keys(partial) as GoodLine['given'][number][]).filter((k) => partial[k] !== null),
});
const existing = (id: string, partial: Partial<MemberInput> & { name: string }): ExistingMember => ({ id, ...input(partial) });

describe('decideLines', () => {
  const du = existing('m1', { name: '杜荣', cardCode: 'QJ1', phone: '13590830166', category: 'retired' });
  const li = existing('m2', { name: '李秀英', phone: '13800001111', memberNo: 'N7' });

  it('recognises members by card code, member number, or name and phone', () => {
    const decisions = decideLines(
      [
        line(2, { name: '杜荣', cardCode: 'QJ1', category: 'retired' }),
        line(3, { name: '李秀英', phone: '13800001111', notes: '书法班' }),
        line(4, { name: '新人', phone: '13900000000' }),
      ],
      [du, li],
    );
    expect(decisions.map((d) => d.kind)).toEqual(['unchanged', 'update', 'create']);
    expect(decisions[1]).toMatchObject({ kind: 'update', fields: ['notes'], patch: { notes: '书法班' } });
  });

  it('changes only the cells filled in', () => {
    const [d] = decideLines([line(2, { name: '杜荣', cardCode: 'QJ1', category: 'veteran' })], [du]);
    expect(d).toMatchObject({ kind: 'update', fields: ['category'], patch: { category: 'veteran' } });
  });

  it("refuses a card or number that is another person's, and a second line for the same member or person", () => {
    const decisions = decideLines(
      [
        line(2, { name: '王大明', cardCode: 'QJ1' }),
        line(3, { name: '杜荣', cardCode: 'QJ1' }),
        line(4, { name: '杜荣', phone: '13590830166' }),
        line(5, { name: '张伟', phone: '13800002222' }),
        line(6, { name: '张伟', phone: '13800002222' }),
        line(7, { name: '赵六', memberNo: 'N7' }),
      ],
      [du, li],
    );
    expect(decisions.map((d) => d.kind)).toEqual(['refuse', 'unchanged', 'refuse', 'create', 'refuse', 'refuse']);
    const zh = decisions.map((d) => (d.kind === 'refuse' ? d.errors[0]!.messageZh : ''));
    expect(zh[0]).toBe('会员卡号 QJ1 已属于 杜荣。');
    expect(zh[2]).toMatch(/与第 3 行是同一位会员/);
    expect(zh[4]).toMatch(/与第 5 行是同一个人/);
    expect(zh[5]).toBe('会员编号 N7 已属于 李秀英。');
  });

  it('refuses a name and phone shared by two members on the register, asking for the card or number', () => {
    const twin = existing('m3', { name: '李秀英', phone: '13800001111' });
    const [d] = decideLines([line(2, { name: '李秀英', phone: '13800001111' })], [li, twin]);
    expect(d).toMatchObject({ kind: 'refuse', errors: [{ field: 'phone' }] });
  });
});
