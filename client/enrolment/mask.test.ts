import { describe, expect, it } from 'vitest';
import { maskName, maskPerson, memberNoTail } from './mask.ts';

describe('names on the projector', () => {
  it('keeps the first and last characters', () => {
    expect(maskName('张晓华')).toBe('张*华');
    expect(maskName('欧阳晓明')).toBe('欧**明');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('王')).toBe('王');
    expect(maskName(' 张晓华 ')).toBe('张*华');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('𠀋小明')).toBe('𠀋*明');
  });

  it('adds the last four of the member number', () => {
    expect(memberNoTail('0012345')).toBe('2345');
    expect(memberNoTail('12')).toBe('12');
    expect(memberNoTail(null)).toBeNull();
    expect(memberNoTail('  ')).toBeNull();
    expect(maskPerson('张晓华', 'M-2025-0831')).toEqual({ name: '张*华', tail: '0831' });
  });
});
