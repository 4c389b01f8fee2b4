/**
 * The hall's seat board of a term (`/display/?term=ID`), as pure functions: the classes' counts kept current by
 * `seats.changed` events, each class's state in words as well as colour (已满 / 仅余 N 席 / 余 N 席), the term's
 * phase from the clock, and the classes grouped by course into the columns and pages of a 16:9 screen.
 *
 * Seats held are admitted + offered (an offered seat is kept for the next on the waiting list until the offer
 * expires), so the seats left are capacity − admitted − offered, as the database counts them
 * (server/db/functions/placements_count_seats.sql).
 */
import type { UncheckedEvent } from '../lib/live.svelte.ts';
import type { ClassDto, TermDto, TermPhase } from '../../server/modules/enrolment/schemas.ts';
import { termPhase } from '../../server/shared/term-phase.ts';

/** What the board shows of a class; the counts are replaced wholesale by each `seats.changed`. */
export interface BoardClass {
  id: string;
  name: string;
  course: string;
  capacity: number;
  admitted: number;
  waitlisted: number;
  offered: number;
}

export function boardClass(dto: ClassDto): BoardClass {
  const { id, name, course, capacity } = dto;
  const { admitted, waitlisted, offered } = dto.seats;
  return { id, name, course, capacity, admitted, waitlisted, offered };
}

// ——— Live patches ———

export interface SeatsPatch {
  /** The same array when no count moved. */
  classes: readonly BoardClass[];
  /** Classes whose counts moved (the board marks them for a moment so the hall sees what changed). */
  changed: string[];
  /** The event names a class never loaded, or leaves one out: a class was added or removed, load again. */
  reload: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

interface SeatCounts {
  classId: string;
  capacity: number;
  admitted: number;
  waitlisted: number;
  offered: number;
}

function asCounts(value: unknown): SeatCounts | null {
  if (!isObject(value)) return null;
  const { classId, capacity, admitted, waitlisted, offered } = value;
  if (typeof classId !== 'string' || !isCount(capacity) || !isCount(admitted) || !isCount(waitlisted) || !isCount(offered)) return null;
  return { classId, capacity, admitted, waitlisted, offered };
}

/**
 * One `seats.changed` of `term:<termId>` applied. The event carries every class's counts as committed when it
 * was made, so it replaces them rather than adding to them: applying an older one again (a replay racing a
 * reload) is undone by the next. The event is read field by field: a hall screen stays open for days and may
 * meet a server of another version; an entry it cannot read is left alone.
 */
export function applySeatsEvent(classes: readonly BoardClass[], termId: string, event: UncheckedEvent): SeatsPatch {
  // The term or its classes changed (a window moved, a class added, the draw made): load it all again.
  if (event.type === 'term.updated') return { classes, changed: [], reload: isObject(event.data) && isObject(event.data.term) && event.data.term.id === termId };
  if (event.type !== 'seats.changed' || !isObject(event.data) || event.data.termId !== termId) return { classes, changed: [], reload: false };
  const entries = Array.isArray(event.data.classes) ? event.data.classes : [];
  const counts = new Map<string, SeatCounts>();
  for (const entry of entries) {
    const read = asCounts(entry);
    if (read) counts.set(read.classId, read);
  }
  const known = new Set(classes.map((c) => c.id));
  let reload = entries.length !== classes.length || [...counts.keys()].some((id) => !known.has(id));
  const changed: string[] = [];
  const next = classes.map((c) => {
    const found = counts.get(c.id);
    if (!found) {
      // Every class of the term is in every event: one missing was removed (or could not be read).
      reload = true;
      return c;
    }
    if (found.capacity === c.capacity && found.admitted === c.admitted && found.waitlisted === c.waitlisted && found.offered === c.offered) {
      return c;
    }
    changed.push(c.id);
    return { ...c, capacity: found.capacity, admitted: found.admitted, waitlisted: found.waitlisted, offered: found.offered };
  });
  return { classes: changed.length > 0 ? next : classes, changed, reload };
}

// ——— A class's state ———

export type SeatKind = 'full' | 'few' | 'open' | 'draw';

export interface SeatState {
  kind: SeatKind;
  /** Seats nobody holds: capacity − admitted − offered, never below 0. */
  free: number;
}

/** Few seats left: at most a tenth of the class, and never fewer than 2 counts as few. */
export function fewSeats(capacity: number): number {
  return Math.max(2, Math.ceil(capacity / 10));
}

/**
 * `draw` while a lottery term has not been drawn: the seats left go to the public draw, not to whoever comes
 * first, so the board must not suggest a race for them (the phase line says so in words).
 */
export function seatState(c: BoardClass, lotteryPending: boolean): SeatState {
  const free = Math.max(0, c.capacity - c.admitted - c.offered);
  if (free === 0) return { kind: 'full', free };
  if (lotteryPending) return { kind: 'draw', free };
  return { kind: free <= fewSeats(c.capacity) ? 'few' : 'open', free };
}

// ——— The term's phase ———

/**
 * What the term is doing at `now`: the server's answer is as of the load, but a board stays up for days and the
 * windows open and close by the clock, so it is worked out again every second, by the server's own rule.
 */
export function boardPhase(term: Pick<TermDto, 'mode' | 'renewFrom' | 'renewUntil' | 'applyFrom' | 'applyUntil' | 'drawnAt'>, now: Date): TermPhase {
  return termPhase(term, now);
}

/**
 * The term itself may have changed with these counts: once a lottery's window has closed, a seats.changed is
 * the public draw (or its undoing by a redraw), which also sets (or clears) the term's `drawnAt`, and that
 * comes with no event of its own. The hall is watching just then, so the board loads the term again at once
 * rather than at its next periodic look.
 */
export function termMayHaveChanged(term: Pick<TermDto, 'mode' | 'applyUntil'>, now: Date): boolean {
  return term.mode === 'lottery' && now.getTime() >= Date.parse(term.applyUntil);
}

/** Seats are still to be drawn by lot: a lottery term before its draw. */
export function lotteryPending(term: Pick<TermDto, 'mode' | 'drawnAt'>): boolean {
  return term.mode === 'lottery' && term.drawnAt === null;
}

// ——— Courses, columns and pages ———

export interface CourseLine {
  kind: 'course';
  course: string;
  /** The heading repeated at the top of a column or page the course runs on to. */
  continued: boolean;
  /** The course's classes and seats left, over all its classes (not only those under this heading). */
  classes: number;
  free: number;
  full: boolean;
}

export interface ClassLine {
  kind: 'class';
  item: BoardClass;
}

export type BoardLine = CourseLine | ClassLine;

export interface CourseGroup {
  course: string;
  classes: BoardClass[];
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Classes by course, courses in the order of the Chinese collation (拼音, as a printed timetable is ordered),
 * classes by name within a course ("一班" before "二班" is beyond a collator; numbers in names sort as numbers).
 */
export function courseGroups(classes: readonly BoardClass[]): CourseGroup[] {
  const byCourse = new Map<string, BoardClass[]>();
  for (const c of classes) {
    const key = c.course.trim();
    const list = byCourse.get(key);
    if (list) list.push(c);
    else byCourse.set(key, [c]);
  }
  return [...byCourse.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([course, list]) => ({ course, classes: list.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)) }));
}

export interface BoardLayout {
  columns: number;
  /** Lines (course headings and classes) in one column. */
  perColumn: number;
  /** Type size relative to the largest tier: a small school gets bigger type. */
  scale: number;
}

/**
 * How many columns and lines a 16:9 screen takes (the type is sized in rem, which follows the screen, so
 * these numbers hold on any 16:9 screen): up to 9 lines in one column of larger type; then two columns of 13,
 * paged when there are more. Three columns would leave a class name too few characters to read from 10 m.
 */
export function boardLayout(lines: number): BoardLayout {
  if (lines <= 9) return { columns: 1, perColumn: 9, scale: 1.2 };
  return { columns: 2, perColumn: 13, scale: 1 };
}

/** The lines a course takes when it is not split. */
export function courseLines(groups: readonly CourseGroup[]): number {
  return groups.reduce((sum, g) => sum + 1 + g.classes.length, 0);
}

/**
 * The board's pages: columns of at most `perColumn` lines, `columns` to a page. Each course starts with its
 * heading; a course that does not fit in what is left of a column is split only with at least two classes on
 * each side (a heading with one class under it at the foot of a column, or one class alone at the top of the
 * next, is hard to follow from afar), else it starts the next column; where it goes on, its heading is repeated
 * as continued. A heading is never the last line of a column.
 */
export function boardPages(groups: readonly CourseGroup[], layout: Pick<BoardLayout, 'columns' | 'perColumn'>): BoardLine[][][] {
  const perColumn = Math.max(3, layout.perColumn);
  const columns: BoardLine[][] = [];
  let column: BoardLine[] = [];
  const newColumn = () => {
    if (column.length > 0) columns.push(column);
    column = [];
  };
  for (const group of groups) {
    const free = group.classes.reduce((sum, c) => sum + Math.max(0, c.capacity - c.admitted - c.offered), 0);
    const heading = (continued: boolean): CourseLine => ({
      kind: 'course',
      course: group.course,
      continued,
      classes: group.classes.length,
      free,
      full: free === 0,
    });
    let rest = group.classes;
    let continued = false;
    while (rest.length > 0) {
      const room = perColumn - column.length;
      let take: number;
      if (1 + rest.length <= room) take = rest.length;
      else {
        take = Math.min(room - 1, rest.length - 2);
        if (take < 2) {
          if (column.length === 0) take = Math.min(room - 1, rest.length); // a column too short for the rule
          else {
            newColumn();
            continue;
          }
        }
      }
      column.push(heading(continued), ...rest.slice(0, take).map((item): ClassLine => ({ kind: 'class', item })));
      rest = rest.slice(take);
      continued = true;
      if (rest.length > 0) newColumn();
    }
  }
  newColumn();
  const pages: BoardLine[][][] = [];
  for (let i = 0; i < columns.length; i += layout.columns) pages.push(columns.slice(i, i + layout.columns));
  return pages.length > 0 ? pages : [[]];
}

/** The courses on a page, in order, each once: the header names the first and the last, like a dictionary's page. */
export function pageCourses(page: readonly (readonly BoardLine[])[]): string[] {
  const courses: string[] = [];
  for (const line of page.flat()) if (line.kind === 'course' && courses.at(-1) !== line.course) courses.push(line.course);
  return courses;
}

/** Seconds a page stays on screen: long enough to find one's class on it, short enough for 300 classes. */
export const BOARD_PAGE_SECONDS = 10;

/** How long a class whose counts just moved stays marked. */
export const CHANGED_MS = 4_000;
