import { describe, expect, it } from 'vitest';
import { match } from './tournament-fixtures.ts';
import { sideText } from './tournament-text.ts';

describe('a side on the hall screen', () => {
  const names = new Map([['p1', '张建国']]);
  const numbers = new Map([['K1-1', 5], ['W1-3', 3]]);

  it('shows the name, a bye, or where the player will come from', () => {
    const waiting = match('K2-1', {
      round: 2,
      sides: [{ participantId: 'p1', from: { kind: 'winner', key: 'K1-2' } }, { participantId: null, from: { kind: 'winner', key: 'K1-1' } }],
    });
    expect(sideText(waiting, 0, names, numbers)).toEqual({ text: '张建国', empty: false });
    expect(sideText(waiting, 1, names, numbers)).toEqual({ text: '第5场胜者', empty: true });
    const losers = match('L1-1', { stage: 'losers', sides: [{ participantId: null, from: { kind: 'loser', key: 'W1-3' } }, { participantId: null, bye: true }] });
    expect(sideText(losers, 0, names, numbers).text).toBe('第3场负者');
    expect(sideText(losers, 1, names, numbers).text).toBe('轮空');
    const fromGroup = match('K1-1', { sides: [{ participantId: null, from: { kind: 'group_place', group: 'B', place: 2 } }, { participantId: null }] });
    expect(sideText(fromGroup, 0, names, numbers).text).toBe('B组第2名');
    expect(sideText(fromGroup, 1, names, numbers).text).toBe('待定');
    expect(sideText(fromGroup, 0, names).text).toBe('B组第2名');
  });
});
