import { describe, expect, it } from 'vitest';
import { hrefFor, isRefereePad, parseHash } from './routes.ts';

describe('hash routes', () => {
  it('maps hashes to routes', () => {
    expect(parseHash('')).toBe('home');
    expect(parseHash('#/')).toBe('home');
    expect(parseHash('#/admin')).toBe('admin');
    expect(parseHash('#/admin/')).toBe('admin');
    expect(parseHash('#/account')).toBe('account');
    expect(parseHash('#/audit')).toBe('audit');
    expect(parseHash('#/nowhere')).toBe('home');
  });

  it('round-trips', () => {
    expect(parseHash(hrefFor('admin'))).toBe('admin');
    expect(parseHash(hrefFor('home'))).toBe('home');
  });

  it('knows the full-screen referee pad (a match) from the referee’s other pages', () => {
    expect(isRefereePad('#/referee/t1/m1')).toBe(true);
    expect(isRefereePad('#/referee/t1')).toBe(false);
    expect(isRefereePad('#/referee/t1?court=r1')).toBe(false);
    expect(isRefereePad('#/referee')).toBe(false);
    expect(isRefereePad('#/tournaments/t1/m1')).toBe(false);
  });
});
