import { describe, expect, it } from 'vitest';
import { en } from '../lib/messages/en.ts';
import { interpolate } from '../lib/i18n-core.ts';
import { originText, waitingSideText, zh } from './labels.ts';
import { keepOrigins, markAwaitingLots, matchNumbers, originOf, readOrigin } from './side-origin.ts';
import { match } from './testing.ts';

const english = (key: keyof typeof en, params?: Record<string, string | number>) => interpolate(en[key], params);
const at = (hhmm: string) => `2027-03-01T${hhmm}:00.000Z`;

describe('where a waiting side comes from', () => {
  // Two groups, then a final between the group winners; the third-place-style loser link for good measure.
  const matches = [
    match('G:A-R1-1', { roomId: 't1', scheduledAt: at('01:00'), status: 'done' }),
    match('G:B-R1-1', { roomId: 't2', scheduledAt: at('01:00'), status: 'live' }),
    match('K1-1', {
      roomId: 't1', scheduledAt: at('02:00'), status: 'waiting',
      sides: [{ participantId: null, from: { kind: 'group_place', group: 'A', place: 1 } }, { participantId: 'p2', from: { kind: 'group_place', group: 'B', place: 1 } }],
    }),
    match('K2-1', {
      roomId: 't1', scheduledAt: at('03:00'), status: 'waiting',
      sides: [{ participantId: null, from: { kind: 'winner', key: 'K1-1' } }, { participantId: null, from: { kind: 'loser', key: 'G:B-R1-1' } }],
    }),
    match('K1-2', { status: 'bye', sides: [{ participantId: 'p1' }, { participantId: null, bye: true }] }),
    match('K2-2', { status: 'waiting', sides: [{ participantId: null, from: { kind: 'winner', key: 'K1-2' } }, { participantId: null }] }),
  ];
  const numbers = matchNumbers(matches, ['t1', 't2']);

  it('numbers the matches in the order of play, leaving byes out', () => {
    expect([...numbers]).toEqual([['G:A-R1-1', 1], ['G:B-R1-1', 2], ['K1-1', 3], ['K2-1', 4], ['K2-2', 5]]);
  });

  it('reads `from` defensively', () => {
    expect(readOrigin({ kind: 'winner', key: 'K1-1' })).toEqual({ kind: 'winner', key: 'K1-1' });
    expect(readOrigin({ kind: 'group_place', group: 'A', place: '1' })).toBeNull();
    expect(readOrigin('K1-1')).toBeNull();
    expect(readOrigin(undefined)).toBeNull();
  });

  it('says a group place, or an earlier match’s winner or loser by its number', () => {
    expect(originOf(matches[2]!, 0, numbers)).toEqual({ kind: 'group_place', group: 'A', place: 1 });
    expect(originOf(matches[2]!, 1, numbers)).toBeNull();
    expect(waitingSideText(matches[2]!, 0, numbers, zh)).toBe('A组第1名');
    expect(waitingSideText(matches[3]!, 0, numbers, zh)).toBe('第3场胜者');
    expect(waitingSideText(matches[3]!, 1, numbers, zh)).toBe('第2场负者');
    expect(waitingSideText(matches[3]!, 1, numbers, english)).toBe('Loser of match 2');
    expect(waitingSideText(matches[2]!, 0, numbers, english)).toBe('Group A #1');
    // A bye is not waiting for anyone; a match with no number is named by its key.
    expect(waitingSideText(matches[4]!, 1, numbers, zh)).toBeNull();
    expect(waitingSideText(matches[5]!, 0, numbers, zh)).toBe('K1-2 胜者');
    expect(originText({ kind: 'loser', key: 'W1-1', number: null }, english)).toBe('Loser of W1-1');
  });

  it('falls back on the knockout key when the copy does not say', () => {
    expect(waitingSideText(match('K2-1', { status: 'waiting', sides: [{ participantId: null }, { participantId: null }] }), 1, numbers, zh)).toBe('K1-2 胜者');
    expect(waitingSideText(match('K1-1', { status: 'waiting', sides: [{ participantId: null }, { participantId: null }] }), 0, numbers, zh)).toBeNull();
  });

  it('keeps the origins of the loaded copy when a newer copy leaves them out', () => {
    const fresh = match('K2-1', { version: 2, sides: [{ participantId: 'p1' }, { participantId: null }] });
    expect(keepOrigins(matches[3]!, fresh).sides).toEqual([
      { participantId: 'p1', from: { kind: 'winner', key: 'K1-1' } },
      { participantId: null, from: { kind: 'loser', key: 'G:B-R1-1' } },
    ]);
    const plain = match('K1-1');
    expect(keepOrigins(plain, fresh)).toBe(fresh);
  });
});

describe('knockout places waiting for a draw by lot', () => {
  type Side = { participantId: string | null; from?: unknown; awaitingLot?: boolean };
  const knockout: { key: string; status: string; sides: Side[] } = {
    key: 'K1-1', status: 'waiting',
    sides: [
      { participantId: null, from: { kind: 'group_place', group: 'A', place: 1 } },
      { participantId: null, from: { kind: 'group_place', group: 'B', place: 2 } },
    ],
  };
  const standings = (lotDrawn: boolean) => [
    { group: 'A', rows: [{ rank: 1, byLot: true, lotDrawn }, { rank: 2, byLot: true, lotDrawn }, { rank: 3, byLot: false }] },
    { group: 'B', rows: [{ rank: 1, byLot: false }, { rank: 2, byLot: false }] },
  ];

  it('marks a place a lot decides until the draw is recorded, and says so', () => {
    const [marked] = markAwaitingLots([knockout], standings(false));
    expect(marked!.sides.map((s) => s.awaitingLot === true)).toEqual([true, false]);
    expect(originOf(marked!, 0, new Map())).toEqual({ kind: 'group_place', group: 'A', place: 1, lot: true });
    const [after] = markAwaitingLots([marked!], standings(true));
    expect(after!.sides[0]!.awaitingLot).toBeUndefined();
  });

  it('never marks a side that has its player', () => {
    const filled = { ...knockout, sides: [{ ...knockout.sides[0]!, participantId: 'p1' }, knockout.sides[1]!] };
    expect(markAwaitingLots([filled], standings(false))[0]).toBe(filled);
  });
});
