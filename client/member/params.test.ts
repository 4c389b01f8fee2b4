import { describe, expect, it } from 'vitest';
import { readParams, termAddress } from './params.ts';

const ID = '0b5f8f3e-2a7c-4d55-9d1b-3c1d2e4f5a6b';

describe('the phone pages’ address', () => {
  it('reads the draw check, a term and a centre, ignoring what cannot be an id', () => {
    expect(readParams(`?verify=${ID}`)).toEqual({ verify: ID, term: null, venue: null });
    expect(readParams(`?venue=${ID}&term=${ID}`)).toEqual({ verify: null, term: ID, venue: ID });
    expect(readParams('?term=<script>&venue=')).toEqual({ verify: null, term: null, venue: null });
    expect(readParams('')).toEqual({ verify: null, term: null, venue: null });
  });

  it('opens a term and goes back to the list, keeping the centre', () => {
    const here = readParams(`?venue=${ID}`);
    expect(termAddress(here, 'abc')).toBe(`?venue=${ID}&term=abc`);
    expect(termAddress(here, null)).toBe(`?venue=${ID}`);
    expect(termAddress(readParams(''), null)).toBe('?');
  });
});
