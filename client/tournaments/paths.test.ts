import { describe, expect, it } from 'vitest';
import { parseTournamentPath, tournamentHref, tournamentIdFromInput, type TournamentPath } from './paths.ts';

const ID = '49ed4282-ea70-42bc-8c2c-2b6bf726988f';
const MID = '0f3c1b91-5f34-4754-baaf-2a4f7d724ada';

describe('tournament paths', () => {
  it('reads the pages from the hash', () => {
    expect(parseTournamentPath('#/tournaments')).toEqual({ page: 'list' });
    expect(parseTournamentPath('#/tournaments/')).toEqual({ page: 'list' });
    expect(parseTournamentPath('#/tournaments/new')).toEqual({ page: 'new' });
    expect(parseTournamentPath(`#/tournaments/${ID}`)).toEqual({ page: 'tournament', tournamentId: ID });
    expect(parseTournamentPath('#/referee')).toEqual({ page: 'referee-home' });
    expect(parseTournamentPath(`#/referee/${ID}`)).toEqual({ page: 'referee-pick', tournamentId: ID, court: null });
    expect(parseTournamentPath(`#/referee/${ID}?court=${MID}`)).toEqual({ page: 'referee-pick', tournamentId: ID, court: MID });
    expect(parseTournamentPath(`#/referee/${ID}/${MID}`)).toEqual({ page: 'referee', tournamentId: ID, matchId: MID });
  });

  it('ignores what is not an id', () => {
    expect(parseTournamentPath('#/tournaments/<script>')).toEqual({ page: 'list' });
    expect(parseTournamentPath('#/referee/a%20b')).toEqual({ page: 'referee-home' });
    expect(parseTournamentPath(`#/referee/${ID}?court=x%20y`)).toEqual({ page: 'referee-pick', tournamentId: ID, court: null });
  });

  it('round-trips every page', () => {
    const pages: TournamentPath[] = [
      { page: 'list' },
      { page: 'new' },
      { page: 'tournament', tournamentId: ID },
      { page: 'referee-home' },
      { page: 'referee-pick', tournamentId: ID, court: null },
      { page: 'referee-pick', tournamentId: ID, court: MID },
      { page: 'referee', tournamentId: ID, matchId: MID },
    ];
    for (const p of pages) expect(parseTournamentPath(tournamentHref(p))).toEqual(p);
  });

  it('finds the tournament id in a pasted id or link', () => {
    expect(tournamentIdFromInput(` ${ID} `)).toBe(ID);
    expect(tournamentIdFromInput(`http://192.0.2.2:3000/#/tournaments/${ID}`)).toBe(ID);
    expect(tournamentIdFromInput(`http://host/#/referee/${ID}/${MID}`)).toBe(ID);
    expect(tournamentIdFromInput(`http://host/display/?tournament=${ID}`)).toBe(ID);
    expect(tournamentIdFromInput(`赛事编号：${ID}。`)).toBe(ID);
    expect(tournamentIdFromInput('')).toBeNull();
    expect(tournamentIdFromInput('乒乓球赛')).toBeNull();
  });
});

describe('the app routes send the tournament hashes here', () => {
  it('maps both prefixes', async () => {
    const { parseHash, hrefFor } = await import('../routes.ts');
    expect(parseHash('#/tournaments')).toBe('tournaments');
    expect(parseHash(`#/tournaments/${ID}`)).toBe('tournaments');
    expect(parseHash('#/referee')).toBe('referee');
    expect(parseHash(`#/referee/${ID}?court=${MID}`)).toBe('referee');
    expect(parseHash('#/tournamentsx')).toBe('home');
    expect(parseHash(hrefFor('tournaments'))).toBe('tournaments');
  });
});
