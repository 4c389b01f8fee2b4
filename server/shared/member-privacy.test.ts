import { describe, expect, it } from 'vitest';
import { maskPhone } from './member-privacy.ts';

describe('maskPhone', () => {
  it.each([
    ['13590830166', '135****0166'],
    ['0874-1234567', '0874-***4567'],
    ['08741234567', '0874-***4567'],
    ['12345', '***45'],
    [null, null],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
