import { afterEach, describe, expect, it, vi } from 'vitest';
import { SeatBoardLive } from './seat-board-live.svelte.ts';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const term = { id: 'T1', venueId: 'v1', name: '2027 春季', mode: 'first_come', drawnAt: null };
const klass = (id: string, admitted: number) => ({ id, name: `班${id}`, course: '书法', capacity: 30, seats: { admitted, waitlisted: 0, offered: 0, applicants: 0, firstChoice: 0 } });
const seats = (entries: Array<[string, number]>) => ({
  type: 'seats.changed',
  data: { termId: 'T1', classes: entries.map(([classId, admitted]) => ({ classId, capacity: 30, admitted, waitlisted: 0, offered: 0 })) },
});

/** The server as the board sees it: each GET of the term answered by the next view, held until `release`. */
function fakeServer(views: Array<{ classes: unknown[] }>) {
  const waiting: Array<() => void> = [];
  let terms = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/venues/')) return json({ venue: { id: 'v1', name: '老年大学', timezone: 'Asia/Shanghai' } });
      const view = views[Math.min(terms, views.length - 1)]!;
      terms += 1;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return json({ term, classes: view.classes });
    }),
  );
  return {
    release: async () => {
      waiting.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
    get terms() {
      return terms;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the seat board’s live state', () => {
  it('an event that arrives while the term loads is applied on top of the answer', async () => {
    const server = fakeServer([{ classes: [klass('a', 3), klass('b', 0)] }]);
    const board = new SeatBoardLive(null, 'T1');
    const loading = board.reload();
    board.apply(seats([['a', 4], ['b', 1]]));
    await server.release();
    await loading;
    expect(board.classes.map((c) => [c.id, c.admitted])).toEqual([['a', 4], ['b', 1]]);
    expect(board.venue?.timezone).toBe('Asia/Shanghai');
  });

  it('marks the classes whose counts moved, and when', async () => {
    const server = fakeServer([{ classes: [klass('a', 3), klass('b', 0)] }]);
    const board = new SeatBoardLive(null, 'T1');
    const loading = board.reload();
    await server.release();
    await loading;
    expect(board.changedAt.size).toBe(0);
    board.apply(seats([['a', 3], ['b', 2]]), 1_000);
    expect([...board.changedAt]).toEqual([['b', 1_000]]);
    expect(board.classes[1]?.admitted).toBe(2);
  });

  it('a class it never loaded makes it load the term again', async () => {
    const server = fakeServer([{ classes: [klass('a', 0)] }, { classes: [klass('a', 1), klass('n', 0)] }]);
    const board = new SeatBoardLive(null, 'T1');
    const loading = board.reload();
    await server.release();
    await loading;
    board.apply(seats([['a', 1], ['n', 0]]));
    expect(server.terms).toBe(2);
    await server.release();
    expect(board.classes.map((c) => c.id)).toEqual(['a', 'n']);
  });
});
