import { describe, expect, it } from 'vitest';
import { centsToYuan, yuanToCents } from './money.ts';

describe('fees in yuan and fen', () => {
  it('reads what a coordinator types', () => {
    expect(yuanToCents('280')).toBe(28_000);
    expect(yuanToCents(' 280.5 ')).toBe(28_050);
    expect(yuanToCents('280.05')).toBe(28_005);
    expect(yuanToCents('¥1,280')).toBe(128_000);
    expect(yuanToCents('0')).toBe(0);
    expect(yuanToCents(350)).toBe(35_000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-5', '2.345', 'abc', '1e3', null, undefined]) expect(yuanToCents(bad)).toBeNull();
  });

  it('writes fen as yuan', () => {
    expect(centsToYuan(28_000)).toBe('280');
    expect(centsToYuan(28_050)).toBe('280.50');
    expect(centsToYuan(5)).toBe('0.05');
    for (const cents of [0, 1, 99, 100, 12_345]) expect(yuanToCents(centsToYuan(cents))).toBe(cents);
  });
});
