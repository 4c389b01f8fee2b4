import { describe, expect, it } from 'vitest';
import { capacityLevel } from './capacity.ts';

describe('capacityLevel', () => {
  it('is warning from 90 % of the capacity and full from 100 %', () => {
    expect(capacityLevel(8, 10)).toBe('ok');
    expect(capacityLevel(9, 10)).toBe('warning');
    expect(capacityLevel(10, 10)).toBe('full');
    expect(capacityLevel(179, 200)).toBe('ok');
    expect(capacityLevel(180, 200)).toBe('warning');
    expect(capacityLevel(250, 200)).toBe('full');
  });

  it('never calls a room without a capacity full', () => {
    expect(capacityLevel(0, 0)).toBe('ok');
    expect(capacityLevel(3, 0)).toBe('ok');
  });
});
