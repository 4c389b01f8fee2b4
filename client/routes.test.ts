import { describe, expect, it } from 'vitest';
import { hrefFor, isDrawProjector, isRefereePad, parseHash } from './routes.ts';

describe('hash routes', () => {
  it('maps hashes to routes', () => {
    expect(parseHash('')).toBe('home');
    expect(parseHash('#/')).toBe('home');
    expect(parseHash('#/admin')).toBe('admin');
    expect(parseHash('#/admin/')).toBe('admin');
    expect(parseHash('#/account')).toBe('account');
    expect(parseHash('#/audit')).toBe('audit');
    expect(parseHash('#/nowhere')).toBe('home');
    expect(parseHash('#/enrolment')).toBe('enrolment');
    expect(parseHash('#/enrolment/t1/draw')).toBe('enrolment');
    expect(parseHash('#/enrolments')).toBe('home');
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

  it('knows the full-screen projector of a draw from the term’s other pages', () => {
    expect(isDrawProjector('#/enrolment/t1/draw')).toBe(true);
    expect(isDrawProjector('#/enrolment/t1/lottery')).toBe(false);
    expect(isDrawProjector('#/enrolment/t1')).toBe(false);
    expect(isDrawProjector('#/enrolment')).toBe(false);
  });
});
