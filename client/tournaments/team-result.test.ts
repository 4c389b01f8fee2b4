import { describe, expect, it } from 'vitest';
import { validateTeamMatchResult } from '../../server/shared/sports/table-tennis-team.ts';
import { parseRubbers, rubberPairings, rubberRowsFrom, type RubberRows } from './team-result.ts';
import { readResult } from './types.ts';

const rows = (...rubbers: Array<Array<[string, string]>>): RubberRows => rubbers;
const blank = (): Array<[string, string]> => [['', ''], ['', ''], ['', '']];

describe('team result form', () => {
  it('reads rubbers of typed games, leaving out blank games and the blank rubbers at the end', () => {
    const parsed = parseRubbers(rows(
      [['11', '7'], [' 11', '9 '], ['', '']],
      [['5', '11'], ['9', '11'], ['', '']],
      [['11', '3'], ['11', '4'], ['', '']],
      [['12', '10'], ['11', '8'], ['', '']],
      blank(),
    ));
    expect(parsed).toEqual({
      ok: true,
      payload: { rubbers: [{ games: [[11, 7], [11, 9]] }, { games: [[5, 11], [9, 11]] }, { games: [[11, 3], [11, 4]] }, { games: [[12, 10], [11, 8]] }] },
    });
    // What the form sends is what the server's rules take.
    const sides = { side1: 'p1', side2: 'p2' } as never;
    expect(parsed.ok && validateTeamMatchResult(parsed.payload, { bestOf: 3, sides }).ok).toBe(true);
  });

  it('says which rubber and game is wrong in shape', () => {
    expect(parseRubbers(rows(blank(), blank()))).toEqual({ ok: false, problem: 'empty' });
    expect(parseRubbers(rows([['11', '7'], ['11', '']]))).toEqual({ ok: false, problem: 'half_filled', rubber: 1, row: 2 });
    expect(parseRubbers(rows([['11', '7']], [['1a', '7']]))).toEqual({ ok: false, problem: 'not_a_number', rubber: 2, row: 1 });
    expect(parseRubbers(rows([['11', '7']], blank(), [['11', '7']]))).toEqual({ ok: false, problem: 'rubber_skipped', rubber: 2 });
  });

  it('starts from the stored result, else the live score, padded to five rubbers of best-of rows', () => {
    const stored = readResult({ payload: { rubbers: [{ games: [[11, 5], [11, 5]] }, { games: [[5, 11], [5, 11]] }] } });
    const fromResult = rubberRowsFrom(stored, null, 3);
    expect(fromResult).toHaveLength(5);
    expect(fromResult[0]).toEqual([['11', '5'], ['11', '5'], ['', '']]);
    expect(fromResult[4]).toEqual(blank());
    const fromLive = rubberRowsFrom(null, { rubbers: [{ games: [[11, 5], [11, 5]] }], current: { games: [[3, 11]], current: [2, 1] } }, 3);
    expect(fromLive[1]).toEqual([['3', '11'], ['', ''], ['', '']]);
    expect(rubberRowsFrom(null, null, 5)[0]).toHaveLength(5);
  });

  it('names the pairing of each rubber from the teams’ order', () => {
    const home = { players: [{ name: '甲', ballNumber: 1 }, { name: '乙', ballNumber: 2 }, { name: '丙', ballNumber: 3 }] };
    const away = { players: [{ name: '子', ballNumber: 2 }, { name: '丑', ballNumber: 1 }] };
    expect(rubberPairings([home, away])).toEqual([['A 甲', 'X 丑'], ['B 乙', 'Y 子'], ['C 丙', 'Z'], ['A 甲', 'Y 子'], ['B 乙', 'X 丑']]);
    expect(rubberPairings([undefined, undefined])[2]).toEqual(['C', 'Z']);
  });
});
