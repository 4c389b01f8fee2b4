import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte.ts';
import { boardPhase, type CourseLine } from './seat-board.ts';
import { boardTime, courseText, pageRangeText, phaseText, seatText } from './seat-board-text.ts';

const ZONE = 'Asia/Shanghai';

afterEach(() => i18n.set('zh-CN'));

describe('seats left in words', () => {
  it('says full, only N left, N left — the words alone tell them apart', () => {
    expect(seatText({ kind: 'full', free: 0 })).toBe('已满');
    expect(seatText({ kind: 'few', free: 2 })).toBe('仅余 2 席');
    expect(seatText({ kind: 'open', free: 12 })).toBe('余 12 席');
    expect(seatText({ kind: 'draw', free: 12 })).toBe('余 12 席');
    i18n.set('en');
    expect(seatText({ kind: 'full', free: 0 })).toBe('Full');
    expect(seatText({ kind: 'few', free: 1 })).toBe('Last 1');
  });

  it('sums a course in its heading', () => {
    const line: CourseLine = { kind: 'course', course: '书法', continued: false, classes: 6, free: 14, full: false };
    expect(courseText(line)).toBe('6 个班 · 余 14 席');
    expect(courseText({ ...line, free: 0, full: true })).toBe('6 个班 · 全部已满');
  });
});

describe('the courses of a page', () => {
  it('first to last, or the one course', () => {
    expect(pageRangeText(['书法', '国画', '声乐'])).toBe('书法 — 声乐');
    expect(pageRangeText(['书法'])).toBe('书法');
    expect(pageRangeText([])).toBe('');
  });
});

describe('dates in the venue’s zone', () => {
  it('day, weekday and time on the venue’s wall clock, whatever the device’s zone', () => {
    // 2027-02-15 09:00 UTC is Monday 17:00 in Shanghai.
    expect(boardTime('2027-02-15T09:00:00Z', ZONE, 'zh-CN')).toBe('2月15日周一 17:00');
    expect(boardTime('2027-02-15T09:00:00Z', ZONE, 'en')).toBe('Mon 15 Feb 17:00');
    expect(boardTime('2027-02-15T16:30:00Z', ZONE, 'zh-CN')).toBe('2月16日周二 00:30');
    expect(boardTime('not a date', ZONE, 'zh-CN')).toBe('');
  });
});

describe('the phase line', () => {
  const term = {
    mode: 'lottery' as const,
    renewFrom: '2027-02-01T01:00:00Z',
    renewUntil: '2027-02-05T09:00:00Z',
    applyFrom: '2027-02-10T01:00:00Z',
    applyUntil: '2027-02-15T09:00:00Z',
    drawnAt: null as string | null,
    payUntil: '2027-03-01T09:00:00Z' as string | null,
  };
  const line = (t: typeof term, iso: string) => {
    const now = new Date(iso);
    return phaseText(t, boardPhase(t, now), now, ZONE);
  };

  it('before anything opens: when returning students, then new applicants, may start', () => {
    expect(line(term, '2027-01-20T00:00:00Z')).toEqual({
      phase: 'setup',
      label: '尚未开始',
      detail: '老学员续报 2月1日周一 09:00 开始 · 新学员报名 2月10日周三 09:00 开始',
      note: '名额公开摇号分配，不分报名先后',
    });
    expect(line(term, '2027-02-07T00:00:00Z').detail).toBe('新学员报名 2月10日周三 09:00 开始');
  });

  it('renewal and applying say until when', () => {
    expect(line(term, '2027-02-02T00:00:00Z')).toMatchObject({ label: '老学员续报', detail: '续报至 2月5日周五 17:00 · 新学员报名 2月10日周三 09:00 开始' });
    expect(line(term, '2027-02-12T00:00:00Z')).toMatchObject({ phase: 'applying', label: '报名中', detail: '截止 2月15日周一 17:00' });
    expect(line({ ...term, mode: 'first_come' } as unknown as typeof term, '2027-02-12T00:00:00Z').note).toBe('先到先得，满额后进入候补');
  });

  it('a lottery closed, then drawn; payment until when, and the waiting list', () => {
    expect(line(term, '2027-02-15T10:00:00Z')).toMatchObject({ phase: 'closed', label: '报名已截止', detail: '等待公开摇号' });
    expect(line({ ...term, drawnAt: '2027-02-16T02:00:00Z' }, '2027-02-16T03:00:00Z')).toEqual({
      phase: 'drawn',
      label: '已摇号',
      detail: '2月16日周二 10:00 公开摇号 · 缴费截止 3月1日周一 17:00',
      note: '有人退出时，候补依次递补',
    });
    // Once the payment deadline has passed it is no longer news.
    expect(line({ ...term, drawnAt: '2027-02-16T02:00:00Z' }, '2027-03-02T03:00:00Z').detail).toBe('2月16日周二 10:00 公开摇号');
  });

  it('in English too', () => {
    i18n.set('en');
    expect(line(term, '2027-02-12T00:00:00Z')).toMatchObject({ label: 'Applications open', note: 'Seats are drawn by lot in public, not by who applied first' });
  });
});
