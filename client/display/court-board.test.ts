import { describe, expect, it } from 'vitest';
import { courtCards, courtPages, courtsLayout, hasLiveMatch, playOrder } from './court-board.ts';
import { data, match, sides, tournament } from './tournament-fixtures.ts';

const at = (hhmm: string) => `2026-12-05T${hhmm}:00+08:00`;

describe('now / next on each court', () => {
  const matches = [
    match('G:A-R1-1', { stage: 'group', group: 'A', roomId: 't1', scheduledAt: at('09:00'), status: 'done', sides: sides('p1', 'p2') }),
    match('G:A-R2-1', { stage: 'group', group: 'A', round: 2, roomId: 't1', scheduledAt: at('09:30'), status: 'live', sides: sides('p1', 'p3') }),
    match('G:A-R3-1', { stage: 'group', group: 'A', round: 3, roomId: 't1', scheduledAt: at('10:00'), status: 'ready', sides: sides('p1', 'p4') }),
    match('K1-1', { roomId: 't1', scheduledAt: at('10:30'), status: 'waiting' }),
    match('G:A-R2-2', { stage: 'group', group: 'A', round: 2, number: 2, roomId: 't2', scheduledAt: at('10:30'), status: 'ready', sides: sides('p2', 'p4') }),
    match('G:A-R1-2', { stage: 'group', group: 'A', number: 2, roomId: 't2', scheduledAt: at('09:00'), status: 'done', sides: sides('p3', 'p4') }),
  ];
  const d = data({ tournament: tournament({ roomIds: ['t1', 't2', 't3'] }), matches });

  it('shows the match in play on each court and the next one there in the order of play', () => {
    const cards = courtCards(d);
    expect(cards.map((c) => c.last?.key ?? null)).toEqual(['G:A-R1-1', 'G:A-R1-2', null]);
    expect(cards.map((c) => [c.roomId, c.now?.key ?? null, c.next?.key ?? null])).toEqual([
      ['t1', 'G:A-R2-1', 'G:A-R3-1'],
      ['t2', null, 'G:A-R2-2'],
      ['t3', null, null],
    ]);
  });

  it('offers a waiting match (players not known yet) as next when nothing else is', () => {
    const later = data({ ...d, matches: matches.map((m) => (m.key === 'G:A-R3-1' ? { ...m, status: 'done' as const } : m)) });
    expect(courtCards(later)[0]!.next?.key).toBe('K1-1');
  });

  it('without courts, lists the matches in play then the next ones', () => {
    const loose = data({ matches: matches.map((m) => ({ ...m, roomId: null })) });
    expect(courtCards(loose, 3).map((c) => [c.now?.key ?? null, c.next?.key ?? null])).toEqual([
      ['G:A-R2-1', null],
      [null, 'G:A-R3-1'],
      [null, 'G:A-R2-2'],
    ]);
  });

  it('orders play by time, then stage, round, group and number; unscheduled last', () => {
    const a = match('a', { scheduledAt: at('09:00'), stage: 'group', round: 2 });
    const b = match('b', { scheduledAt: at('09:00'), stage: 'group', round: 1 });
    const c = match('c', { scheduledAt: null });
    const d2 = match('d', { scheduledAt: at('08:00'), stage: 'knockout' });
    expect([a, b, c, d2].sort(playOrder).map((m) => m.key)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('gives a card only to courts with a match in play or to come; the others are named in one line', () => {
    const d = data({
      tournament: tournament({ roomIds: ['t1', 't2', 't3'] }),
      matches: [
        match('K1-1', { roomId: 't1', status: 'live' }),
        match('K1-2', { number: 2, roomId: 't2', status: 'done' }),
        match('K2-1', { round: 2, roomId: 't1', status: 'waiting' }),
      ],
    });
    const [page, ...more] = courtPages(d);
    expect(more).toEqual([]);
    expect(page!.cards.map((c) => c.roomId)).toEqual(['t1']);
    expect(page!.idle).toEqual([{ roomId: 't2', state: 'done' }, { roomId: 't3', state: 'none' }]);
    expect(page!.layout).toMatchObject({ columns: 1, rows: 1 });
    expect(hasLiveMatch(page!)).toBe(true);
  });

  it('has no page once nothing is left to play', () => {
    const done = data({ tournament: tournament({ roomIds: ['t1'] }), matches: [match('K1-1', { roomId: 't1', status: 'done' })] });
    expect(courtPages(done)).toEqual([]);
  });
});

describe('courts on the screen', () => {
  it('gives eight tables one screen of 2 × 4 and four gateball courts one of 2 × 2', () => {
    expect(courtsLayout(8, 'table_tennis')).toMatchObject({ columns: 2, rows: 4, perPage: 8 });
    expect(courtsLayout(4, 'gateball')).toMatchObject({ columns: 2, rows: 2 });
    expect(courtsLayout(1, 'gateball').scale).toBeGreaterThan(courtsLayout(4, 'gateball').scale);
  });

  it('splits ten tables into pages of five, each as large as five allow', () => {
    const roomIds = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const matches = roomIds.map((roomId, i) => match(`K1-${i + 1}`, { number: i + 1, roomId, status: 'ready' }));
    const pages = courtPages(data({ tournament: tournament({ roomIds }), matches }));
    expect(pages.map((p) => [p.cards.length, p.layout.perPage])).toEqual([
      [5, 6],
      [5, 6],
    ]);
  });
});
