import { describe, expect, it } from 'vitest';
import type { ClassDto, PlacementDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import { ApiError, NetworkError } from '../lib/api.ts';
import { interpolate } from '../lib/i18n-core.ts';
import { zhCN, type MessageKey } from '../lib/messages/zh-CN.ts';
import type { Eligibility } from './member-api.ts';
import { earlierTerms, heldClasses, isFinalRefusal, renewAsk, renewalOffers, renewalSentence } from './renewal.ts';

const term: TermDto = {
  id: 'autumn',
  venueId: 'v',
  name: '2027 秋季学期',
  mode: 'lottery',
  renewFrom: '2027-07-01T00:00:00Z',
  renewUntil: '2027-07-10T00:00:00Z',
  applyFrom: '2027-07-10T00:00:00Z',
  applyUntil: '2027-07-20T00:00:00Z',
  classesPerMember: 2,
  choicesPerApplication: 3,
  priorityCategories: [],
  offerHours: 48,
  payUntil: '2027-08-20T10:00:00Z',
  seedHash: 'x'.repeat(64),
  drawnAt: null,
  phase: 'renewal',
  applications: 0,
};
const spring: TermDto = { ...term, id: 'spring', name: '2027 春季学期', applyFrom: '2027-01-10T00:00:00Z', applyUntil: '2027-01-20T00:00:00Z', phase: 'drawn' };
const cls = (id: string, continuesClassId: string | null, feeCents = 20000): ClassDto => ({
  id,
  termId: 'autumn',
  name: `${id}班`,
  course: '太极拳',
  teacher: null,
  level: null,
  feeCents,
  roomId: 'r',
  capacity: 20,
  firstStart: '2027-09-01T01:00:00Z',
  firstEnd: '2027-09-01T02:30:00Z',
  rrule: 'FREQ=WEEKLY;COUNT=16',
  seriesId: null,
  minAgeFemale: null,
  minAgeMale: null,
  maxAge: null,
  categories: null,
  continuesClassId,
  seats: { admitted: 0, waitlisted: 0, offered: 0, applicants: 0, firstChoice: 0 },
});
const placement = (classId: string, status: PlacementDto['status'], termId = 'spring'): PlacementDto => ({
  id: `p-${classId}`,
  termId,
  applicationId: 'a',
  memberId: 'm',
  classId,
  status,
  position: status === 'waitlisted' ? 1 : null,
  source: 'draw',
  offerExpiresAt: null,
  payBy: null,
  paidAt: null,
  receiptNo: null,
  amountCents: null,
  withdrawnReason: status === 'withdrawn' ? 'member' : null,
});
const mine = (placements: PlacementDto[] = [], classes: Eligibility['classes'] = []): Eligibility => ({
  member: { id: 'm', name: '李桂兰' },
  classes,
  application: null,
  placements,
});

const classes = [cls('taiji2', 'taiji1'), cls('song2', 'song1'), cls('new', null)];

describe('续报 on the phone', () => {
  it('looks for the continued class in the centre’s earlier terms, newest first', () => {
    const older = { ...spring, id: 'older', applyFrom: '2026-07-10T00:00:00Z' };
    const elsewhere = { ...spring, id: 'elsewhere', venueId: 'w' };
    const later = { ...spring, id: 'later', applyFrom: '2028-01-10T00:00:00Z' };
    expect(earlierTerms([older, term, elsewhere, spring, later], term).map((t) => t.id)).toEqual(['spring', 'older']);
    expect(earlierTerms([older, spring], term, 1).map((t) => t.id)).toEqual(['spring']);
  });

  it('counts only the seats the member was admitted to, with the term they were in', () => {
    const held = heldClasses([placement('taiji1', 'admitted'), placement('song1', 'waitlisted'), placement('old', 'withdrawn')], [spring]);
    expect([...held]).toEqual([['taiji1', '2027 春季学期']]);
  });

  it('offers the class that continues one the member was admitted to, and nothing to a newcomer', () => {
    const held = new Map([['taiji1', '2027 春季学期']]);
    expect(renewalOffers(term, classes, mine(), held)).toEqual([{ cls: classes[0], fromTerm: '2027 春季学期' }]);
    expect(renewalOffers(term, classes, mine(), new Map())).toEqual([]);
  });

  it('offers nothing outside the renewal window, or once the class is renewed', () => {
    const held = new Map([['taiji1', '2027 春季学期']]);
    expect(renewalOffers({ ...term, phase: 'applying' }, classes, mine(), held)).toEqual([]);
    expect(renewalOffers({ ...term, phase: 'setup' }, classes, mine(), held)).toEqual([]);
    expect(renewalOffers(term, classes, mine([{ ...placement('taiji2', 'admitted', 'autumn'), source: 'returning' }]), held)).toEqual([]);
    // Withdrawn after renewing: the server keeps one placement per member and class, so it is not offered again.
    expect(renewalOffers(term, classes, mine([placement('taiji2', 'withdrawn', 'autumn')]), held)).toEqual([]);
    const renewed = mine([], [{ classId: 'taiji2', eligible: false, reason: { code: 'already_placed', zh: '已在本班', en: 'already' } }]);
    expect(renewalOffers(term, classes, renewed, held)).toEqual([]);
    expect(renewalOffers(term, classes, null, held)).toEqual([]);
  });

  it('offers every continuing class when the earlier seats could not be read: the server decides', () => {
    expect(renewalOffers(term, classes, mine(), null).map((o) => [o.cls.id, o.fromTerm])).toEqual([
      ['taiji2', null],
      ['song2', null],
    ]);
  });

  it('asks before renewing, saying the fee and by when to pay it', () => {
    const at = (s: string) => `AT(${s})`;
    expect(renewAsk(classes[0]!, term, '太极拳 · taiji2班', at)).toEqual({
      key: 'mapp.renew.askPayBy',
      params: { name: '太极拳 · taiji2班', fee: '200', date: 'AT(2027-08-20T10:00:00Z)' },
    });
    expect(renewAsk(classes[0]!, { ...term, payUntil: null }, 'X', at)).toEqual({ key: 'mapp.renew.askPay', params: { name: 'X', fee: '200' } });
    expect(renewAsk(cls('free', 'f', 0), term, 'X', at)).toEqual({ key: 'mapp.renew.ask', params: { name: 'X' } });
  });

  it('words a refusal as a sentence: its own for a closed window and a second renewal, the server’s for the rest', () => {
    const zh = (key: MessageKey, params?: Record<string, string | number>) => interpolate(zhCN[key], params);
    const api = (code: string, statusCode: number, extra: Record<string, unknown> = {}) => new ApiError({ statusCode, code, message: `English for ${code}.`, ...extra });
    expect(renewalSentence(api('window_closed', 409, { messageZh: '续报不在办理时间内。' }), 'zh-CN', zh)).toBe(zhCN['mapp.renew.err.closed']);
    expect(renewalSentence(api('duplicate', 409), 'zh-CN', zh)).toBe(zhCN['mapp.renew.err.duplicate']);
    const notStudent = api('not_eligible', 422, { reason: 'continuation', messageZh: '续报只限上学期本班（或其前序班）的在读学员。' });
    expect(renewalSentence(notStudent, 'zh-CN', zh)).toBe('续报只限上学期本班（或其前序班）的在读学员。');
    expect(renewalSentence(api('conflict', 409, { messageZh: '本班名额已满，无法续报。' }), 'zh-CN', zh)).toBe('本班名额已满，无法续报。');
    expect(renewalSentence(new NetworkError('down'), 'zh-CN', zh)).toBe(zhCN['mapp.err.network']);
    // Not a student of the class continued, or no seat left: the button goes; a lost answer keeps it.
    expect(isFinalRefusal(notStudent)).toBe(true);
    expect(isFinalRefusal(api('conflict', 409))).toBe(true);
    expect(isFinalRefusal(new NetworkError('down'))).toBe(false);
    expect(isFinalRefusal(api('internal', 500))).toBe(false);
  });
});
