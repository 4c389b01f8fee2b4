import { describe, expect, it } from 'vitest';
import { bearerToken, isForeignOrigin } from './authenticate.ts';

describe('isForeignOrigin', () => {
  it.each([
    [undefined, 'centre.example', false],
    ['http://centre.example', 'centre.example', false],
    ['http://localhost', 'localhost:80', false],
    ['https://centre.example', 'centre.example:443', false],
    ['http://localhost:3000', 'localhost:3000', false],
    ['http://evil.example', 'centre.example', true],
    ['http://centre.example:3001', 'centre.example:3000', true],
    ['null', 'centre.example', true],
    ['http://centre.example', undefined, true],
  ])('Origin %s to Host %s → foreign: %s', (origin, host, foreign) => {
    expect(isForeignOrigin(origin, host)).toBe(foreign);
  });
});

describe('bearerToken', () => {
  it('reads "Bearer TOKEN" and nothing else', () => {
    expect(bearerToken('Bearer dev_abc')).toBe('dev_abc');
    expect(bearerToken('bearer dev_abc')).toBe('dev_abc');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
