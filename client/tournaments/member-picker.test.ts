import { describe, expect, it } from 'vitest';
import { REMOVED_MEMBER_NAME as SERVER_PLACEHOLDER } from '../../server/shared/member-privacy.ts';
import type { Member } from '../members/types.ts';
import { REMOVED_MEMBER_NAME, enterAction, isCurrentMember } from './member-picker.ts';

const member = (id: string, name: string) => ({ id, name }) as Member;

describe('Enter in the member search box (never submits the form)', () => {
  const found = [member('a', '张三'), member('b', '张三丰')];

  it('picks the first hit of what is typed now, skipping members already entered', () => {
    expect(enterAction('张三', '张三', found, new Set())).toEqual({ kind: 'pick', member: found[0] });
    expect(enterAction(' 张三 ', '张三', found, new Set(['a']))).toEqual({ kind: 'pick', member: found[1] });
  });

  it('searches now when the results are not of what is typed', () => {
    expect(enterAction('李四', '张三', found, new Set())).toEqual({ kind: 'search' });
    expect(enterAction('李四', '', [], new Set())).toEqual({ kind: 'search' });
  });

  it('does nothing for an empty box, no hits or only members already entered', () => {
    expect(enterAction('  ', '', [], new Set())).toEqual({ kind: 'nothing' });
    expect(enterAction('王五', '王五', [], new Set())).toEqual({ kind: 'nothing' });
    expect(enterAction('张三', '张三', found, new Set(['a', 'b']))).toEqual({ kind: 'nothing' });
  });
});

describe('a removed member in an entry', () => {
  it('uses the placeholder name the server gives removed members', () => {
    expect(REMOVED_MEMBER_NAME).toBe(SERVER_PLACEHOLDER);
  });

  it('is not marked as a member (the entry keeps the old memberId)', () => {
    expect(isCurrentMember({ memberId: 'x', name: REMOVED_MEMBER_NAME })).toBe(false);
    expect(isCurrentMember({ memberId: 'x', name: '张三' })).toBe(true);
    expect(isCurrentMember({ memberId: null, name: '张三' })).toBe(false);
  });
});
