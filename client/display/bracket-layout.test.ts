import { describe, expect, it } from 'vitest';
import { bracketHasPlayers, bracketPages, paginateColumns, type BracketColumn } from './bracket-layout.ts';
import { knockout, match, sides } from './tournament-fixtures.ts';

const keys = (column: BracketColumn) => column.matches.map((m) => m.key);
const counts = (columns: BracketColumn[]) => columns.map((c) => c.matches.length);

describe('knockout bracket pages', () => {
  it('shows a draw of 16 whole on one screen, rounds named from the end', () => {
    const pages = bracketPages(knockout(16));
    expect(pages).toHaveLength(1);
    expect(counts(pages[0]!.columns)).toEqual([8, 4, 2, 1]);
    expect(pages[0]!.columns.map((c) => c.label)).toEqual([
      { kind: 'roundOf', n: 16 },
      { kind: 'quarter' },
      { kind: 'semi' },
      { kind: 'final' },
    ]);
    expect(pages[0]!.rows).toBe(8);
    expect(pages[0]!.part).toBeNull();
  });

  it('splits a draw of 32 into halves carried to the semi-finals, then the later rounds whole', () => {
    const pages = bracketPages(knockout(32));
    expect(pages.map((p) => [p.part, counts(p.columns)])).toEqual([
      [{ index: 1, count: 2 }, [8, 4, 2, 1]],
      [{ index: 2, count: 2 }, [8, 4, 2, 1]],
      [null, [8, 4, 2, 1]],
    ]);
    expect(keys(pages[0]!.columns[0]!)).toEqual(['K1-1', 'K1-2', 'K1-3', 'K1-4', 'K1-5', 'K1-6', 'K1-7', 'K1-8']);
    expect(keys(pages[1]!.columns[1]!)).toEqual(['K2-5', 'K2-6', 'K2-7', 'K2-8']);
    expect(keys(pages[2]!.columns[3]!)).toEqual(['K5-1']);
  });

  it('splits a draw of 128 into eight sections, then the last rounds', () => {
    const pages = bracketPages(knockout(128));
    expect(pages).toHaveLength(9);
    expect(pages.slice(0, 8).every((p) => p.part?.count === 8 && counts(p.columns).join() === '8,4,2,1')).toBe(true);
    expect(counts(pages[8]!.columns)).toEqual([8, 4, 2, 1]);
    expect(pages[8]!.columns[0]!.label).toEqual({ kind: 'roundOf', n: 16 });
  });

  it('keeps small draws large: a draw of 4 has two rows', () => {
    const pages = bracketPages(knockout(4));
    expect(pages.map((p) => [p.rows, counts(p.columns)])).toEqual([[2, [2, 1]]]);
  });

  it('puts the third-place match on the page with the final', () => {
    const pages = bracketPages([...knockout(8), match('K3P', { round: 3, number: 2 })]);
    expect(pages.at(-1)!.columns.map((c) => c.label.kind)).toEqual(['quarter', 'semi', 'final', 'third']);
    expect(counts(pages.at(-1)!.columns)).toEqual([4, 2, 1, 1]);
  });
});

describe('double elimination pages', () => {
  const winners = [
    ...[1, 2, 3, 4].map((n) => match(`W1-${n}`, { stage: 'winners', round: 1, number: n })),
    ...[1, 2].map((n) => match(`W2-${n}`, { stage: 'winners', round: 2, number: n })),
    match('W3-1', { stage: 'winners', round: 3 }),
  ];
  const losers = [
    ...[1, 2].map((n) => match(`L1-${n}`, { stage: 'losers', round: 1, number: n })),
    ...[1, 2].map((n) => match(`L2-${n}`, { stage: 'losers', round: 2, number: n })),
    match('L3-1', { stage: 'losers', round: 3 }),
    match('L4-1', { stage: 'losers', round: 4 }),
  ];
  const finals = [match('GF1', { stage: 'grand_final', round: 1 }), match('GF2', { stage: 'grand_final', round: 2, status: 'waiting' })];

  it('shows the winners’ bracket with the grand final, then the losers’ bracket', () => {
    const pages = bracketPages([...winners, ...losers, ...finals]);
    expect(pages.map((p) => p.section)).toEqual(['winners', 'losers']);
    expect(pages[0]!.columns.map((c) => c.label.kind)).toEqual(['winners', 'winners', 'winnersFinal', 'grandFinal', 'grandFinalReset']);
    expect(pages[1]!.columns.map((c) => c.label)).toEqual([
      { kind: 'losers', n: 1 },
      { kind: 'losers', n: 2 },
      { kind: 'losers', n: 3 },
      { kind: 'losersFinal' },
    ]);
  });

  it('leaves out a grand-final reset that will not be played', () => {
    const notNeeded = match('GF2', { stage: 'grand_final', round: 2, status: 'bye' });
    const pages = bracketPages([...winners, ...losers, finals[0]!, notNeeded]);
    expect(pages[0]!.columns.at(-1)!.label.kind).toBe('grandFinal');
  });

  it('continues a losers’ bracket of many rounds on further pages', () => {
    const columns: BracketColumn[] = [16, 16, 8, 8, 4, 4, 2, 2, 1, 1].map((n, i) => ({
      label: { kind: 'losers', n: i + 1 },
      matches: Array.from({ length: n }, (_, j) => match(`L${i + 1}-${j + 1}`)),
    }));
    const pages = paginateColumns(columns, 8, 5);
    expect(pages.map((p) => [p.part?.index ?? 0, counts(p.columns)])).toEqual([
      [1, [8, 8, 4, 4, 2]],
      [2, [8, 8, 4, 4, 2]],
      [0, [8, 8, 4, 4, 2]],
      [0, [2, 1, 1]],
    ]);
  });
});

describe('whether the bracket is worth a screen', () => {
  it('waits for a known player in the knockout while the groups are played', () => {
    const group = match('G:A-R1-1', { stage: 'group', group: 'A', sides: sides('p1', 'p2') });
    expect(bracketHasPlayers([group, ...knockout(4)])).toBe(false);
    expect(bracketHasPlayers([group, match('K1-1', { sides: sides('p1', null) })])).toBe(true);
  });
});
