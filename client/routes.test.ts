import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './routes.ts';

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
});
