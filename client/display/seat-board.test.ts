import { describe, expect, it } from 'vitest';
import type { ClassDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import {
  applySeatsEvent,
  boardClass,
  boardLayout,
  boardPages,
  boardPhase,
  courseGroups,
  courseLines,
  fewSeats,
  lotteryPending,
  pageCourses,
  seatState,
  termMayHaveChanged,
  type BoardClass,
  type BoardLine,
} from './seat-board.ts';

const cls = (id: string, course: string, capacity = 30, counts: Partial<Pick<BoardClass, 'admitted' | 'waitlisted' | 'offered'>> = {}): BoardClass => ({
  id,
  name: `${course}${id}`,
  course,
  capacity,
  admitted: 0,
  waitlisted: 0,
  offered: 0,
  ...counts,
});

const seats = (classId: string, capacity: number, admitted: number, waitlisted = 0, offered = 0) => ({ classId, capacity, admitted, waitlisted, offered });
const event = (classes: unknown[], termId = 'T1', type = 'seats.changed') => ({ type, data: { termId, classes } });

describe('a class from the term view', () => {
  it('keeps what the board shows: names and the four counts', () => {
    const dto = {
      id: 'c1', termId: 'T1', name: '楷书一班', course: '书法', teacher: '王老师', level: null, feeCents: 30000, roomId: 'r1', capacity: 30,
      firstStart: '2027-03-02T01:00:00Z', firstEnd: '2027-03-02T03:00:00Z', rrule: 'FREQ=WEEKLY;COUNT=16', seriesId: null,
      minAgeFemale: 50, minAgeMale: 55, maxAge: 80, categories: null, continuesClassId: null,
      seats: { admitted: 12, waitlisted: 3, offered: 1, applicants: 40, firstChoice: 25 },
    } satisfies ClassDto;
    expect(boardClass(dto)).toEqual({ id: 'c1', name: '楷书一班', course: '书法', capacity: 30, admitted: 12, waitlisted: 3, offered: 1 });
  });
});

describe('seats.changed patches', () => {
  const classes = [cls('a', '书法'), cls('b', '国画', 20)];

  it('replaces every count of the term and says which classes moved', () => {
    const patch = applySeatsEvent(classes, 'T1', event([seats('a', 30, 5, 0, 1), seats('b', 20, 0)]));
    expect(patch.reload).toBe(false);
    expect(patch.changed).toEqual(['a']);
    expect(patch.classes[0]).toMatchObject({ admitted: 5, offered: 1, waitlisted: 0 });
    expect(patch.classes[1]).toBe(classes[1]);
    // Counts are absolute: the same event twice changes nothing the second time.
    expect(applySeatsEvent(patch.classes, 'T1', event([seats('a', 30, 5, 0, 1), seats('b', 20, 0)])).classes).toBe(patch.classes);
  });

  it('loads the term again when it says the term itself changed, and only for its own term', () => {
    const changed = (id: string) => ({ seq: 9, topic: 'term:T1', type: 'term.updated', data: { term: { id } }, at: '2027-01-01T00:00:00Z' });
    expect(applySeatsEvent(classes, 'T1', changed('T1'))).toEqual({ classes, changed: [], reload: true });
    expect(applySeatsEvent(classes, 'T1', changed('T2')).reload).toBe(false);
  });

  it('applied in seq order, the last event wins, whatever came before', () => {
    let shown: readonly BoardClass[] = classes;
    for (const n of [1, 2, 3, 30]) shown = applySeatsEvent(shown, 'T1', event([seats('a', 30, n, Math.max(0, n - 29)), seats('b', 20, 0)])).classes;
    expect(shown[0]).toMatchObject({ admitted: 30, waitlisted: 1 });
    // An older event replayed after a reload shows older counts only until the next one.
    shown = applySeatsEvent(shown, 'T1', event([seats('a', 30, 3), seats('b', 20, 0)])).classes;
    shown = applySeatsEvent(shown, 'T1', event([seats('a', 30, 30, 2), seats('b', 20, 0)])).classes;
    expect(shown[0]).toMatchObject({ admitted: 30, waitlisted: 2 });
  });

  it('takes a new capacity from the event (a class enlarged at the desk)', () => {
    const patch = applySeatsEvent(classes, 'T1', event([seats('a', 40, 30), seats('b', 20, 0)]));
    expect(patch.classes[0]).toMatchObject({ capacity: 40, admitted: 30 });
  });

  it('leaves other terms and other events alone', () => {
    expect(applySeatsEvent(classes, 'T1', event([seats('a', 30, 9), seats('b', 20, 0)], 'T2')).classes).toBe(classes);
    expect(applySeatsEvent(classes, 'T1', event([seats('a', 30, 9)], 'T1', 'headcount.changed')).classes).toBe(classes);
    expect(applySeatsEvent(classes, 'T1', { type: 'seats.changed', data: null }).classes).toBe(classes);
  });

  it('asks for a reload when a class appears or goes, applying what it can read', () => {
    const added = applySeatsEvent(classes, 'T1', event([seats('a', 30, 2), seats('b', 20, 0), seats('c', 25, 0)]));
    expect(added).toMatchObject({ reload: true, changed: ['a'] });
    const removed = applySeatsEvent(classes, 'T1', event([seats('a', 30, 2)]));
    expect(removed.reload).toBe(true);
    expect(removed.classes[1]).toBe(classes[1]);
  });

  it('skips an entry it cannot read (a server of another version) and reloads', () => {
    const patch = applySeatsEvent(classes, 'T1', event([{ classId: 'a', capacity: 30, admitted: '7' }, seats('b', 20, 4)]));
    expect(patch.classes[0]).toBe(classes[0]);
    expect(patch.classes[1]).toMatchObject({ admitted: 4 });
    expect(patch.reload).toBe(true);
  });
});

describe('a class in words and colour', () => {
  it('counts offered seats as held: left = capacity − admitted − offered', () => {
    expect(seatState(cls('a', 'x', 30, { admitted: 20, offered: 2 }), false)).toEqual({ kind: 'open', free: 8 });
    expect(seatState(cls('a', 'x', 30, { admitted: 29, offered: 1, waitlisted: 4 }), false)).toEqual({ kind: 'full', free: 0 });
  });

  it('says few at a tenth of the class, never fewer than 2', () => {
    expect(fewSeats(30)).toBe(3);
    expect(fewSeats(12)).toBe(2);
    expect(fewSeats(200)).toBe(20);
    expect(seatState(cls('a', 'x', 30, { admitted: 27 }), false)).toEqual({ kind: 'few', free: 3 });
    expect(seatState(cls('a', 'x', 30, { admitted: 26 }), false)).toEqual({ kind: 'open', free: 4 });
  });

  it('never shows more than full, even if counts overshoot', () => {
    expect(seatState(cls('a', 'x', 10, { admitted: 12 }), false)).toEqual({ kind: 'full', free: 0 });
  });

  it('before a lottery is drawn, seats left are for the draw, not few or open', () => {
    expect(seatState(cls('a', 'x', 30, { admitted: 28 }), true)).toEqual({ kind: 'draw', free: 2 });
    expect(seatState(cls('a', 'x', 30, { admitted: 30 }), true)).toEqual({ kind: 'full', free: 0 });
    expect(lotteryPending({ mode: 'lottery', drawnAt: null })).toBe(true);
    expect(lotteryPending({ mode: 'lottery', drawnAt: '2027-02-20T02:00:00Z' })).toBe(false);
    expect(lotteryPending({ mode: 'first_come', drawnAt: null })).toBe(false);
  });
});

describe('the term phase by the clock', () => {
  const term = {
    mode: 'lottery' as TermDto['mode'],
    renewFrom: '2027-02-01T01:00:00Z',
    renewUntil: '2027-02-05T09:00:00Z',
    applyFrom: '2027-02-10T01:00:00Z',
    applyUntil: '2027-02-15T09:00:00Z',
    drawnAt: null as string | null,
  };
  const at = (iso: string) => new Date(iso);

  it('follows the windows: setup, renewal, setup again, applying, closed', () => {
    expect(boardPhase(term, at('2027-01-31T00:00:00Z'))).toBe('setup');
    expect(boardPhase(term, at('2027-02-01T01:00:00Z'))).toBe('renewal');
    expect(boardPhase(term, at('2027-02-05T09:00:00Z'))).toBe('setup');
    expect(boardPhase(term, at('2027-02-10T01:00:00Z'))).toBe('applying');
    expect(boardPhase(term, at('2027-02-15T08:59:59Z'))).toBe('applying');
    expect(boardPhase(term, at('2027-02-15T09:00:00Z'))).toBe('closed');
  });

  it('a drawn lottery is drawn; a first-come term after its window is placed', () => {
    expect(boardPhase({ ...term, drawnAt: '2027-02-16T02:00:00Z' }, at('2027-02-16T03:00:00Z'))).toBe('drawn');
    expect(boardPhase({ ...term, mode: 'first_come' }, at('2027-02-16T03:00:00Z'))).toBe('placed');
    expect(boardPhase({ ...term, mode: 'first_come' }, at('2027-02-11T03:00:00Z'))).toBe('applying');
  });

  it('after a lottery’s window closes, moving counts mean a draw (or a redraw): the term is loaded again', () => {
    expect(termMayHaveChanged(term, at('2027-02-15T08:00:00Z'))).toBe(false);
    expect(termMayHaveChanged(term, at('2027-02-15T09:00:00Z'))).toBe(true);
    expect(termMayHaveChanged({ ...term, mode: 'first_come' }, at('2027-02-16T09:00:00Z'))).toBe(false);
  });

  it('without a renewal window goes straight from setup to applying', () => {
    const plain = { ...term, renewFrom: null, renewUntil: null };
    expect(boardPhase(plain, at('2027-02-03T00:00:00Z'))).toBe('setup');
    expect(boardPhase(plain, at('2027-02-12T00:00:00Z'))).toBe('applying');
  });
});

describe('courses, columns and pages', () => {
  const shape = (pages: BoardLine[][][]) =>
    pages.map((page) => page.map((column) => column.map((l) => (l.kind === 'course' ? `${l.continued ? '+' : '#'}${l.course}` : l.item.id))));

  it('groups by course in Chinese order, classes by name with numbers as numbers', () => {
    const groups = courseGroups([
      { ...cls('1', '书法'), name: '书法10班' },
      { ...cls('2', '国画'), name: '国画1班' },
      { ...cls('3', '书法'), name: '书法2班' },
      { ...cls('4', ' 国画 '), name: '国画2班' },
    ]);
    expect(groups.map((g) => [g.course, g.classes.map((c) => c.name)])).toEqual([
      ['国画', ['国画1班', '国画2班']],
      ['书法', ['书法2班', '书法10班']],
    ]);
  });

  it('a small school gets one column of larger type; more take two columns of 13, paged', () => {
    expect(boardLayout(9)).toEqual({ columns: 1, perColumn: 9, scale: 1.2 });
    expect(boardLayout(10)).toEqual({ columns: 2, perColumn: 13, scale: 1 });
    expect(boardLayout(400)).toEqual({ columns: 2, perColumn: 13, scale: 1 });
  });

  it('fills columns course by course, headings first', () => {
    const groups = courseGroups([cls('a1', 'A'), cls('a2', 'A'), cls('b1', 'B'), cls('b2', 'B'), cls('b3', 'B')]);
    expect(shape(boardPages(groups, { columns: 2, perColumn: 13 }))).toEqual([[['#A', 'a1', 'a2', '#B', 'b1', 'b2', 'b3']]]);
  });

  it('splits a course only with two classes on each side, repeating its heading as continued', () => {
    const a = ['1', '2', '3', '4', '5', '6'].map((n) => cls(`a${n}`, 'A'));
    const b = ['1', '2', '3', '4', '5'].map((n) => cls(`b${n}`, 'B'));
    // Columns of 6: A (7 lines) leaves two classes to go on; B then has 3 lines left: heading + 2, the rest go on.
    expect(shape(boardPages(courseGroups([...a, ...b]), { columns: 2, perColumn: 6 }))).toEqual([
      [['#A', 'a1', 'a2', 'a3', 'a4'], ['+A', 'a5', 'a6', '#B', 'b1', 'b2']],
      [['+B', 'b3', 'b4', 'b5']],
    ]);
  });

  it('moves a course to the next column rather than leave a lone class or a lone heading', () => {
    const groups = courseGroups([cls('a1', 'A'), cls('a2', 'A'), cls('a3', 'A'), cls('b1', 'B'), cls('b2', 'B'), cls('b3', 'B')]);
    // After A (4 lines) two lines are left: heading + one class would orphan it, so B starts the next column.
    expect(shape(boardPages(groups, { columns: 2, perColumn: 6 }))).toEqual([[['#A', 'a1', 'a2', 'a3'], ['#B', 'b1', 'b2', 'b3']]]);
    // Three left and B has three classes: heading + 2 would leave the third alone at the top of the next column.
    const c = courseGroups([cls('a1', 'A'), cls('a2', 'A'), cls('b1', 'B'), cls('b2', 'B'), cls('b3', 'B')]);
    expect(shape(boardPages(c, { columns: 2, perColumn: 6 }))).toEqual([[['#A', 'a1', 'a2'], ['#B', 'b1', 'b2', 'b3']]]);
  });

  it('never ends a column on a heading, and never loses or repeats a class (300 classes)', () => {
    const classes: BoardClass[] = [];
    for (let i = 0; i < 300; i++) classes.push(cls(`c${i}`, `课程${(i * 7) % 37}`, 20 + (i % 20), { admitted: i % 25 }));
    const groups = courseGroups(classes);
    const layout = boardLayout(courseLines(groups));
    const pages = boardPages(groups, layout);
    const columns = pages.flat();
    for (const column of columns) {
      expect(column.length).toBeLessThanOrEqual(layout.perColumn);
      expect(column[0]?.kind).toBe('course');
      expect(column.at(-1)?.kind).toBe('class');
    }
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(layout.columns);
    const ids = columns.flat().flatMap((l) => (l.kind === 'class' ? [l.item.id] : []));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    // Every class sits under its own course's heading.
    for (const column of columns) {
      let course = '';
      for (const line of column) {
        if (line.kind === 'course') course = line.course;
        else expect(line.item.course).toBe(course);
      }
    }
    // A page every 10 s: the whole school in about two minutes.
    expect(pages.length).toBeLessThanOrEqual(14);
  });

  it('a heading sums its whole course, on every column it appears in', () => {
    const groups = courseGroups([
      cls('a1', 'A', 10, { admitted: 10 }),
      cls('a2', 'A', 10, { admitted: 4, offered: 1 }),
      cls('a3', 'A', 10),
      cls('a4', 'A', 10),
      cls('a5', 'A', 10, { admitted: 10 }),
    ]);
    const headings = boardPages(groups, { columns: 2, perColumn: 4 }).flat(2).filter((l) => l.kind === 'course');
    expect(headings).toHaveLength(2);
    for (const h of headings) expect(h).toMatchObject({ classes: 5, free: 25, full: false });
    const full = boardPages(courseGroups([cls('x', 'X', 5, { admitted: 5 })]), { columns: 1, perColumn: 9 }).flat(2)[0];
    expect(full).toMatchObject({ kind: 'course', full: true, free: 0 });
  });

  it('names the courses on a page once each, continued ones included', () => {
    const a = ['1', '2', '3', '4', '5', '6'].map((n) => cls(`a${n}`, 'A'));
    const pages = boardPages(courseGroups([...a, cls('b1', 'B'), cls('b2', 'B'), cls('c1', 'C')]), { columns: 1, perColumn: 5 });
    // [A a1–a4] [A (cont.) a5 a6] [B b1 b2, C c1]
    expect(pages.map(pageCourses)).toEqual([['A'], ['A'], ['B', 'C']]);
  });

  it('no classes: one empty page', () => {
    expect(boardPages([], { columns: 2, perColumn: 13 })).toEqual([[]]);
  });
});
