import { describe, expect, it } from 'vitest';
import { maskCardCode, maskPhone } from './mask.ts';

describe('masking for screens others can see', () => {
  it('masks mobiles and landlines like the kiosk does', () => {
    expect(maskPhone('13590830166')).toBe('135****0166');
    expect(maskPhone('0874-1234567')).toBe('0874-***4567');
    expect(maskPhone('08741234567')).toBe('0874-***4567');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('1')).toBe('**');
    expect(maskPhone(null)).toBe('');
  });

  it('never shows a whole card code', () => {
    expect(maskCardCode('QJ2020001D')).toBe('QJ******1D');
    expect(maskCardCode('ABCDE')).toBe('AB*DE');
    expect(maskCardCode('ABCD')).toBe('****');
    expect(maskCardCode('')).toBe('');
    expect(maskCardCode(null)).toBe('');
  });
});
