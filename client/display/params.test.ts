import { describe, expect, it } from 'vitest';
import { chooseTarget, parseDisplayParams } from './params.ts';

describe('display params', () => {
  it('reads venue, tournament and term, ignoring blanks', () => {
    expect(parseDisplayParams('?venue=v1')).toEqual({ venueId: 'v1', tournamentId: null, termId: null });
    expect(parseDisplayParams('?tournament=t1&venue=')).toEqual({ venueId: null, tournamentId: 't1', termId: null });
    expect(parseDisplayParams('?term=%20s1%20')).toEqual({ venueId: null, tournamentId: null, termId: 's1' });
    expect(parseDisplayParams('')).toEqual({ venueId: null, tournamentId: null, termId: null });
  });

  it('keeps the tournament pages a screen is limited to, ignoring unknown ones', () => {
    expect(parseDisplayParams('?tournament=t1&show=courts')).toEqual({ venueId: null, tournamentId: 't1', termId: null, show: ['courts'] });
    expect(parseDisplayParams('?tournament=t1&show=bracket,,groups,bracket,nonsense').show).toEqual(['bracket', 'groups']);
    expect(parseDisplayParams('?tournament=t1&show=nonsense')).toEqual({ venueId: null, tournamentId: 't1', termId: null });
  });

  it('prefers the venue in the address, then the tournament, then the term, then the device venue', () => {
    expect(chooseTarget({ venueId: 'v1', tournamentId: 't1', termId: 's1' }, 'v2')).toEqual({ kind: 'venue', venueId: 'v1' });
    expect(chooseTarget({ venueId: null, tournamentId: 't1', termId: 's1' }, 'v2')).toEqual({ kind: 'tournament', tournamentId: 't1' });
    expect(chooseTarget({ venueId: null, tournamentId: null, termId: 's1' }, 'v2')).toEqual({ kind: 'term', termId: 's1' });
    expect(chooseTarget({ venueId: null, tournamentId: null, termId: null }, 'v2')).toEqual({ kind: 'venue', venueId: 'v2' });
    expect(chooseTarget({ venueId: null, tournamentId: null, termId: null }, null)).toEqual({ kind: 'none' });
  });
});
