import { describe, expect, it } from 'vitest';
import { replayPoints, scorePoint } from '../../server/shared/sports/table-tennis-referee.ts';
import { validateTeamMatchLive, validateTeamMatchResult } from '../../server/shared/sports/table-tennis-team.ts';
import {
  addGame, pointsFor, readTeamLive, rubberPlayers, rubbersWon, startRubber, teamFinal, teamLive, teamWinner, type TeamRefState,
} from './team-referee.ts';
import { readResult } from './types.ts';

const sides = { side1: 'p1', side2: 'p2' } as never;

function winRubber(state: TeamRefState, side: 1 | 2): TeamRefState {
  let s = startRubber(state, 1, 3);
  for (let g = 0; g < 2; g += 1) s = { ...s, rally: addGame(s.rally!, side === 1 ? [11, 5] : [5, 11]) };
  return s;
}

describe('team referee', () => {
  it('replays a game entered whole, deuce included, with the right next server', () => {
    const rally = addGame(replayPoints({ bestOf: 3, firstServer: 2 }, []), [12, 10])!;
    expect(rally.games).toEqual([[12, 10]]);
    expect(rally.server).toBe(1);
    expect(addGame(rally, [11, 10])).toBeNull();
    expect(addGame(scorePoint(rally, 1), [11, 3])).toBeNull();
    expect(pointsFor([], [2, 0])).toEqual([1, 1]);
  });

  it('sends the live score in the team shape and the result once a team has three', () => {
    let s: TeamRefState = { rubbers: [], rally: null };
    expect(teamLive(s)).toEqual({ rubbers: [] });
    s = winRubber(s, 1);
    expect(teamLive(s)).toEqual({ rubbers: [{ games: [[11, 5], [11, 5]] }] });
    s = startRubber(s, 2, 3);
    s = { ...s, rally: scorePoint(s.rally!, 2) };
    const live = teamLive(s);
    expect(live).toEqual({ rubbers: [{ games: [[11, 5], [11, 5]] }], current: { games: [], current: [0, 1] } });
    expect(validateTeamMatchLive(live, { bestOf: 3 }).ok).toBe(true);
    expect(teamFinal(s)).toBeNull();
    s = winRubber(winRubber(winRubber({ rubbers: s.rubbers, rally: null }, 2), 1), 1);
    expect(rubbersWon(s.rubbers.concat([s.rally!.games]))).toEqual([3, 1]);
    expect(teamWinner(s)).toBe(1);
    expect(teamLive(s).current).toBeUndefined();
    const final = teamFinal(s)!;
    expect(final.rubbers).toHaveLength(4);
    expect(validateTeamMatchResult(final, { bestOf: 3, sides }).ok).toBe(true);
  });

  it('names who meets and reads the live score back', () => {
    expect(rubberPlayers(3, [[{ name: '甲' }, { name: '乙' }, { name: '丙' }], undefined])).toEqual(['A 甲', 'Y']);
    // The team's order as entered (A, B, C… = 1, 2, 3…), whatever order the players are listed in.
    const ordered = [{ name: '丙', ballNumber: 3 }, { name: '甲', ballNumber: 1 }, { name: '替补', ballNumber: 4 }];
    expect(rubberPlayers(2, [ordered, ordered])).toEqual(['C 丙', 'Z 丙']);
    expect(rubberPlayers(1, [ordered, undefined])).toEqual(['B', 'Y']);
    expect(readTeamLive({ rubbers: [{ games: [[11, 5], [11, 5]] }], current: { games: [[3, 11]], current: [2, 1] } }, 3))
      .toEqual({ rubbers: [[[11, 5], [11, 5]]], points: [...pointsFor([[3, 11]], null), 1, 2, 1] });
    expect(readTeamLive({ games: [] }, 3)).toBeNull();
  });

  it('reads a stored team result as rubbers won', () => {
    const won = { games: [[11, 5], [11, 5]] };
    const lost = { games: [[5, 11], [5, 11]] };
    expect(readResult({ payload: { rubbers: [won, lost, won, won] } })).toMatchObject({ kind: 'games', gamesWon: [3, 1], games: [] });
  });
});
