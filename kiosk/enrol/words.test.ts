import { describe, expect, it } from 'vitest';
import { interpolate, type Params } from '../../client/lib/i18n-core.ts';
import { en } from '../../client/lib/messages/en.ts';
import { zhCN, type MessageKey } from '../../client/lib/messages/zh-CN.ts';
import { resultView } from './outcome.ts';
import { confirmSpeech, dayTimeOf, payWords, resultSpeech, resultTitle, statusWords, weeklyWords, type Words } from './words.ts';

const zh: Words = { t: (key: MessageKey, params?: Params) => interpolate(zhCN[key], params), lang: 'zh-CN', zone: 'Asia/Shanghai' };
const english: Words = { t: (key: MessageKey, params?: Params) => interpolate(en[key], params), lang: 'en', zone: 'Asia/Shanghai' };
const names: Record<string, string> = { a: '书法一班', b: '国画班' };
const className = (id: string) => names[id] ?? id;

const app = { id: 'abcdef12-0000', termId: 't', memberId: 'm', choices: ['a', 'b'], channel: 'kiosk' as const, createdAt: '2027-01-10T02:00:00Z', updatedAt: '2027-01-10T02:00:00Z' };

describe('the enrolment’s words', () => {
  it('says the weekly time and the deadlines in the venue’s zone', () => {
    expect(weeklyWords({ weekdays: [2, 4], start: '09:00', end: '11:00', firstDate: '2027-03-02' }, zh)).toBe('每周二、周四 09:00–11:00');
    expect(weeklyWords({ weekdays: [2], start: '09:00', end: '11:00', firstDate: '2027-03-02' }, english)).toBe('Every Tue, 09:00–11:00');
    expect(weeklyWords({ weekdays: [], start: '09:00', end: '11:00', firstDate: '2027-03-02' }, zh)).toBe('3月2日 09:00–11:00');
    // 10:00 UTC is 18:00 in Shanghai.
    expect(dayTimeOf('2027-03-01T10:00:00Z', zh)).toBe('3月1日 18:00');
    expect(statusWords({ kind: 'offered', until: '2027-03-01T10:00:00Z' }, zh)).toBe('有补录名额，3月1日 18:00前确认');
    expect(statusWords({ kind: 'waitlisted', position: 3 }, zh)).toBe('候补第 3 位');
  });

  it('asks an admitted member to pay only when there is a fee not paid yet', () => {
    expect(payWords({ kind: 'admitted', payBy: '2027-02-20T10:00:00Z', paid: false }, 30000, zh)).toBe('请于2月20日前到服务台交学费 300 元');
    expect(payWords({ kind: 'admitted', payBy: null, paid: false }, 30000, zh)).toBe('请到服务台交学费 300 元');
    expect(payWords({ kind: 'admitted', payBy: null, paid: true }, 30000, zh)).toBe('学费已交');
    expect(payWords({ kind: 'admitted', payBy: null, paid: false }, 0, zh)).toBeNull();
    expect(payWords({ kind: 'waitlisted', position: 1 }, 30000, zh)).toBeNull();
  });

  it('reads the choices back, and the result with the draw’s date', () => {
    expect(confirmSpeech('张建国', ['a', 'b'], className, zh)).toBe('张建国，请核对。第1志愿，书法一班；第2志愿，国画班。没有问题请按确认提交。');
    const lottery = resultView({ kind: 'applied', application: app, placements: null }, { mode: 'lottery', applyUntil: '2027-02-01T10:00:00Z' });
    expect(resultTitle(lottery, zh)).toBe('已提交报名');
    expect(resultSpeech('张建国', lottery, className, zh)).toBe('张建国，已提交报名。第1志愿，书法一班。第2志愿，国画班。2月1日报名截止后公开摇号。');
    const placed = resultView(
      {
        kind: 'applied',
        application: app,
        placements: [
          { id: 'p1', termId: 't', applicationId: app.id, memberId: 'm', classId: 'a', status: 'waitlisted', position: 2, source: 'first_come', offerExpiresAt: null, payBy: null, paidAt: null, receiptNo: null, amountCents: null, withdrawnReason: null },
        ],
      },
      { mode: 'first_come', applyUntil: '2027-02-01T10:00:00Z' },
    );
    expect(resultTitle(placed, zh)).toBe('报名结果');
    expect(resultSpeech('张建国', placed, className, zh)).toBe('张建国，报名结果。第1志愿，书法一班，候补第 2 位。第2志愿，国画班，未录取。');
    expect(resultSpeech('Zhang', placed, className, english)).toBe('Zhang, Your places. choice 1, 书法一班, Waiting list, number 2. choice 2, 国画班, No place.');
  });
});
