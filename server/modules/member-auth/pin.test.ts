import { describe, expect, it } from 'vitest';
import { memberNoKey, newPin, PIN_LENGTH, PIN_PATTERN } from './pin.ts';

describe('member PINs', () => {
  it('are six digits, leading zeros kept', () => {
    const pattern = new RegExp(PIN_PATTERN);
    for (let i = 0; i < 2_000; i += 1) {
      const pin = newPin();
      expect(pin).toHaveLength(PIN_LENGTH);
      expect(pin).toMatch(pattern);
    }
  });

  it('spread over the digits (no fixed position, no short range)', () => {
    const pins = Array.from({ length: 5_000 }, newPin);
    expect(new Set(pins).size).toBeGreaterThan(4_950);
    for (let position = 0; position < PIN_LENGTH; position += 1) {
      expect(new Set(pins.map((pin) => pin[position])).size).toBe(10);
    }
  });

  it('count a member number the way the search matches it', () => {
    expect(memberNoKey('  sz-0012 ')).toBe('SZ-0012');
    expect(memberNoKey('SZ-0012')).toBe(memberNoKey('sz-0012'));
  });
});
