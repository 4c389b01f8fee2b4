import { describe, expect, it } from 'vitest';
import { formatPairingCode, isCompletePairingCode, normalizePairingCode, pairingCodeFromHash } from './pairing-code.ts';

describe('pairing codes', () => {
  it('keeps only digits, accepting spaces, dashes and full-width digits', () => {
    expect(normalizePairingCode(' 1234-5678 ')).toBe('12345678');
    expect(normalizePairingCode('1234 5678')).toBe('12345678');
    expect(normalizePairingCode('１２３４－５６７８')).toBe('12345678');
    expect(normalizePairingCode('abc')).toBe('');
  });

  it('knows when a code is complete', () => {
    expect(isCompletePairingCode('1234-5678')).toBe(true);
    expect(isCompletePairingCode('1234567')).toBe(false);
    expect(isCompletePairingCode('123456789')).toBe(false);
  });

  it('groups digits by four for reading', () => {
    expect(formatPairingCode('12345678')).toBe('1234 5678');
    expect(formatPairingCode('12345')).toBe('1234 5');
    expect(formatPairingCode('1234')).toBe('1234');
  });

  it('reads the code a pairing link carries, and nothing else', () => {
    expect(pairingCodeFromHash('#pair=12345678')).toBe('12345678');
    expect(pairingCodeFromHash('#x=1&pair=1234%205678')).toBe('12345678');
    expect(pairingCodeFromHash('#pair=1234')).toBeNull();
    expect(pairingCodeFromHash('')).toBeNull();
    expect(pairingCodeFromHash('#/members')).toBeNull();
  });
});
