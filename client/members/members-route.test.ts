import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../routes.ts';

describe('the members route', () => {
  it('is #/members', () => {
    expect(hrefFor('members')).toBe('#/members');
    expect(parseHash('#/members')).toBe('members');
    expect(parseHash('#/members/')).toBe('members');
    expect(parseHash('#/membersx')).toBe('home');
  });

  it('leaves the other routes as they were', () => {
    expect(hrefFor('home')).toBe('#/');
    expect(hrefFor('admin')).toBe('#/admin');
    expect(parseHash('#/admin')).toBe('admin');
  });
});
