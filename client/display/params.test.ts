import { describe, expect, it } from 'vitest';
import { chooseTarget, parseDisplayParams } from './params.ts';

describe('display params', () => {
  it('reads venue and tournament, ignoring blanks', () => {
    expect(parseDisplayParams('?venue=v1')).toEqual({ venueId: 'v1', tournamentId: null });
    expect(parseDisplayParams('?tournament=t1&venue=')).toEqual({ venueId: null, tournamentId: 't1' });
    expect(parseDisplayParams('')).toEqual({ venueId: null, tournamentId: null });
  });

  it('keeps the tournament pages a screen is limited to, ignoring unknown ones', () => {
    expect(parseDisplayParams('?tournament=t1&show=courts')).toEqual({ venueId: null, tournamentId: 't1', show: ['courts'] });
    expect(parseDisplayParams('?tournament=t1&show=bracket,,groups,bracket,nonsense').show).toEqual(['bracket', 'groups']);
    expect(parseDisplayParams('?tournament=t1&show=nonsense')).toEqual({ venueId: null, tournamentId: 't1' });
  });

  it('prefers the venue in the address, then the tournament, then the device venue', () => {
    expect(chooseTarget({ venueId: 'v1', tournamentId: 't1' }, 'v2')).toEqual({ kind: 'venue', venueId: 'v1' });
    expect(chooseTarget({ venueId: null, tournamentId: 't1' }, 'v2')).toEqual({ kind: 'tournament', tournamentId: 't1' });
    expect(chooseTarget({ venueId: null, tournamentId: null }, 'v2')).toEqual({ kind: 'venue', venueId: 'v2' });
    expect(chooseTarget({ venueId: null, tournamentId: null }, null)).toEqual({ kind: 'none' });
  });
});
