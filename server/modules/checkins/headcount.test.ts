import { describe, expect, it } from 'vitest';
import { capacityLevel } from './headcount.ts';

describe('capacityLevel', () => {
  it('warns from 90 % and is full from 100 %', () => {
    expect(capacityLevel(0, 10)).toBe('ok');
    expect(capacityLevel(8, 10)).toBe('ok');
    expect(capacityLevel(9, 10)).toBe('warning');
    expect(capacityLevel(179, 200)).toBe('ok');
    expect(capacityLevel(180, 200)).toBe('warning');
    expect(capacityLevel(10, 10)).toBe('full');
    expect(capacityLevel(12, 10)).toBe('full');
  });
});
