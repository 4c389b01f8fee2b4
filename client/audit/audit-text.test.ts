import { describe, expect, it } from 'vitest';
import type { AuditEntityKind } from '../../server/db/schema.ts';
import type { AuditAction } from '../../server/modules/audit/record.ts';
import { interpolate } from '../lib/i18n-core.ts';
import { zhCN, type MessageKey } from '../lib/messages/zh-CN.ts';
import { en } from '../lib/messages/en.ts';
import { nextDay, auditQuery } from './audit-api.ts';
import { actionLabel, changeLines, detailText, entityText, type AuditNames } from './audit-text.ts';
import { AUDIT_ENTITY_KINDS, type AuditEntry } from './types.ts';

const namesIn = (dict: Record<string, string>): AuditNames => ({
  lookup: (key, params) => (Object.hasOwn(dict, key) ? interpolate(dict[key]!, params) : null),
  instant: (iso) => `@${iso.slice(11, 16)}`,
  venue: (id) => (id === 'v1' ? '老干部活动中心' : id),
  room: (id) => (id === 'r1' ? '乒乓球室' : id === 'r2' ? '书画室' : id),
});
const zh = namesIn(zhCN);

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-12-07T01:00:00.000Z',
  actor: { kind: 'user', id: 'u', name: 'admin' },
  action: 'booking.updated',
  entity: { kind: 'booking', id: 'b', label: '太极拳' },
  venueId: 'v1',
  changes: {},
  details: {},
  ...over,
});

describe('audit entries in words', () => {
  it('names actions and entities in both languages, and raw when unknown', () => {
    expect(actionLabel('booking.cancelled', zh)).toBe('取消预约');
    expect(actionLabel('booking.cancelled', namesIn(en))).toBe('Booking cancelled');
    expect(actionLabel('venue.renamed', zh)).toBe('venue.renamed');
    expect(entityText(entry({}), zh)).toBe('预约 · 太极拳');
    expect(entityText(entry({ entity: { kind: 'member', id: 'm', label: null } }), zh)).toBe('已删除的会员');
  });

  it('shows each changed field as before → after with names instead of ids', () => {
    const lines = changeLines(
      entry({
        changes: {
          roomId: { from: 'r1', to: 'r2' },
          start: { from: '2026-12-07T01:00:00.000Z', to: '2026-12-07T02:00:00.000Z' },
          notes: { from: null, to: '<b>不是HTML</b>' },
          status: { from: 'confirmed', to: 'cancelled' },
        },
      }),
      zh,
    );
    expect(lines.map((l) => `${l.label}: ${l.from} → ${l.to}`)).toEqual([
      '开始: @01:00 → @02:00',
      '活动室: 乒乓球室 → 书画室',
      '备注: （空） → <b>不是HTML</b>',
      '状态: 已确认 → 已取消',
    ]);
  });

  it('reads results, roles, venues, and erased values', () => {
    const lines = changeLines(
      entry({
        changes: {
          result: { from: null, to: { games: [[11, 3], [11, 5]] } },
          role: { from: 'coordinator', to: 'referee' },
          venueIds: { from: ['v1'], to: [] },
          disabled: { from: false, to: true },
          phone: { from: null, to: null, erased: true },
        },
      }),
      zh,
    );
    expect(lines.map((l) => [l.field, l.from, l.to])).toEqual([
      ['phone', '（空）', '（空）'],
      ['role', '协调员', '裁判'],
      ['venueIds', '老干部活动中心', '（空）'],
      ['disabled', '否', '是'],
      ['result', '（空）', '11:3, 11:5'],
    ]);
    expect(lines[0]!.erased).toBe(true);
    expect(detailText(entry({ details: { via: 'import', line: 7 } }), zh)).toBe('导入（第 7 行）');
    expect(detailText(entry({ details: { count: 12 } }), zh)).toBe('共 12 项');
  });

  it('asks the server for whole local days', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(auditQuery({ from: '2026-12-01', to: '2026-12-31', venueId: '', entity: 'member' })).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
      venueId: undefined,
      entity: 'member',
    });
  });
});

describe('tournament entries in words', () => {
  it('names the match and the participants, not the key and ids, in both languages', () => {
    const result = entry({
      action: 'match.result_entered',
      entity: { kind: 'match', id: 'm', label: '春季乒乓球赛 · K2-1' },
      changes: { winnerId: { from: null, to: '6e8150a8-0000-4000-8000-000000000001' }, status: { from: 'ready', to: 'done' } },
      details: { tournamentId: 't', knockoutRounds: 3, names: { '6e8150a8-0000-4000-8000-000000000001': '张建国' } },
    });
    expect(entityText(result, zh)).toBe('比赛 · 春季乒乓球赛 · 半决赛第 1 场');
    expect(entityText(result, namesIn(en))).toBe('Match · 春季乒乓球赛 · Semi-final 1');
    const scored = entry({ ...result, changes: { result: { from: null, to: { games: [[6, 11], [6, 11]] } } },
      details: { names: { a: '李秀英', b: '王建华' } } });
    expect(changeLines(scored, zh)[0]!.to).toBe('李秀英 6:11, 6:11 王建华');
    const walkover = entry({ ...result, changes: { result: { from: null, to: { walkover: 'b' } } }, details: { names: { a: '李秀英', b: '王建华' } } });
    expect(changeLines(walkover, zh)[0]!.to).toBe('弃权（胜方 王建华）');
    const winner = changeLines(result, zh).find((l) => l.field === 'winnerId')!;
    expect([winner.from, winner.to]).toEqual(['（未决出）', '张建国']);
    expect(changeLines(result, namesIn(en)).find((l) => l.field === 'winnerId')!.to).toBe('张建国');
    const group = entry({ action: 'match.result_entered', entity: { kind: 'match', id: 'm', label: '门球赛 · G:A-R1-1' } });
    expect(entityText(group, zh)).toBe('比赛 · 门球赛 · A 组第 1 轮第 1 场');
    expect(entityText(group, namesIn(en))).toBe('Match · 门球赛 · Group A, round 1, match 1');
  });

  it('shows a recorded draw as the names in the order drawn', () => {
    const drawn = entry({
      action: 'tournament.lot_drawn',
      entity: { kind: 'tournament', id: 't', label: '春季乒乓球赛' },
      changes: { lotOrder: { from: null, to: ['p2', 'p1'] } },
      details: { group: 'A', names: { p1: '甲', p2: '乙' } },
    });
    expect(actionLabel('tournament.lot_drawn', zh)).toBe('记录抽签结果');
    expect(entityText(drawn, zh)).toBe('赛事 · 春季乒乓球赛');
    expect(changeLines(drawn, zh)).toMatchObject([{ label: '抽签顺序', from: '（未记录）', to: '1 乙、2 甲' }]);
  });
});

/**
 * Every action and entity kind the server records has its words: a key missing from the dictionaries makes this a
 * type error naming it (the apps import the server's lists as types only). en has the same keys (i18n-core.test.ts).
 */
type Unlabelled = Exclude<`audit.action.${AuditAction}` | `audit.entity.${AuditEntityKind}`, MessageKey>;
const everyOneLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true;
/** Likewise every kind is one of the page's filter (types.ts). */
type Unfiltered = Exclude<AuditEntityKind, (typeof AUDIT_ENTITY_KINDS)[number]>;
const everyKindFiltered: [Unfiltered] extends [never] ? true : Unfiltered = true;

describe('every action and kind the server records', () => {
  it('has its words in both languages, and the page filters by every kind', () => {
    expect([everyOneLabelled, everyKindFiltered]).toEqual([true, true]);
    for (const dict of [zhCN, en] as Array<Record<string, string>>) {
      for (const kind of AUDIT_ENTITY_KINDS) expect(namesIn(dict).lookup(`audit.entity.${kind}`), kind).not.toBeNull();
    }
  });
});

describe('enrolment and PIN entries in words', () => {
  const term = { kind: 'term' as const, id: 't', label: '2027 年秋季学期' };
  const hash = 'a3f9c2e17b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f';
  const en_ = namesIn(en);

  it('says a new term’s mode, window and published fingerprint', () => {
    const created = entry({
      action: 'term.created', entity: term,
      details: { mode: 'lottery', applyFrom: '2027-08-01T01:00:00.000Z', applyUntil: '2027-08-15T09:00:00.000Z', published: hash },
    });
    expect(entityText(created, zh)).toBe('学期 · 2027 年秋季学期');
    expect(actionLabel('term.created', zh)).toBe('新建学期');
    expect(detailText(created, zh)).toBe('摇号 · 报名 @01:00 至 @09:00 · 公布的摇号指纹 a3f9c2e17b4d5a6f…');
    expect(detailText(created, en_)).toBe('Lottery · applications @01:00 to @09:00 · published draw fingerprint a3f9c2e17b4d5a6f…');
  });

  it('shows a term’s and a class’s rules as rules: categories by name, yuan, ages, no limit, no deadline', () => {
    const updated = entry({
      action: 'term.updated', entity: term,
      changes: {
        priorityCategories: { from: [], to: ['veteran', 'leader'] },
        payUntil: { from: '2027-09-01T01:00:00.000Z', to: null },
        offerHours: { from: 48, to: 24 },
        renewFrom: { from: null, to: '2027-07-20T01:00:00.000Z' },
      },
    });
    expect(changeLines(updated, zh).map((l) => `${l.label}: ${l.from} → ${l.to}`)).toEqual([
      '续报开始: 不设续报 → @01:00',
      '缴费截止: @01:00 → 不设期限',
      '补录确认时限: 48 小时 → 24 小时',
      '优先类别: （空） → 离休、原市级领导',
    ]);
    const klass = entry({
      action: 'term.class_updated', entity: term,
      changes: { feeCents: { from: 30_000, to: 45_050 }, minAgeFemale: { from: 50, to: null }, categories: { from: null, to: ['retired'] }, capacity: { from: 30, to: 40 } },
      details: { classId: 'c', class: '书法 初级班', capacity: 40 },
    });
    expect(changeLines(klass, zh).map((l) => `${l.label}: ${l.from} → ${l.to}`)).toEqual([
      '名额: 30 → 40',
      '学费: 300.00 元 → 450.50 元',
      '女性最低年龄: 50 岁 → 不限',
      '限报类别: 不限 → 退休',
    ]);
    expect(detailText(klass, zh)).toBe('班级：书法 初级班（40 个名额）');
    expect(changeLines(klass, en_).map((l) => `${l.label}: ${l.from} → ${l.to}`)[1]).toBe('Fee: ¥300.00 → ¥450.50');
  });

  it('says a draw’s public number and outcome, and why and what a redo voided', () => {
    const drawn = entry({
      action: 'term.drawn', entity: term,
      details: { round: 1, publicNumber: '07 19 23 31 02', seed: 'x', applications: 140, admitted: 90, waitlisted: 50 },
    });
    expect(detailText(drawn, zh)).toBe('第 1 次摇号 · 公开号码 07 19 23 31 02 · 140 份报名，录取 90 人次，候补 50 人次');
    const redrawn = entry({ action: 'term.redrawn', entity: term, details: { round: 1, reason: '公证员发现公开号码抄错', removedPlacements: 140, published: hash } });
    expect(detailText(redrawn, zh)).toBe('作废第 1 次摇号 · 原因：公证员发现公开号码抄错 · 撤销 140 个名额 · 公布的摇号指纹 a3f9c2e17b4d5a6f…');
    expect(detailText(redrawn, en_)).toBe('draw no. 1 voided · reason: 公证员发现公开号码抄错 · 140 places removed · published draw fingerprint a3f9c2e17b4d5a6f…');
  });

  it('names the member of a place, what a withdrawn place was, and a payment’s receipt', () => {
    const place = { kind: 'placement' as const, id: 'p', label: '王淑芬' };
    const withdrawn = entry({ action: 'placement.withdrawn', entity: place, details: { termId: 't', classId: 'c', memberId: 'm', status: 'withdrawn', from: 'waitlisted' } });
    expect(entityText(withdrawn, zh)).toBe('学员名额 · 王淑芬');
    expect(detailText(withdrawn, zh)).toBe('退出前：候补');
    const paid = entry({ action: 'placement.paid', entity: place, details: { status: 'admitted', receiptNo: 'R-2027-0001', amountCents: 30_000 } });
    expect(detailText(paid, zh)).toBe('收据号 R-2027-0001 · 300.00 元');
    expect(detailText(entry({ action: 'placement.renewed', entity: place, details: { status: 'admitted' } }), zh)).toBe('');
  });

  it('shows a PIN issued as its own action, never the PIN', () => {
    const issued = entry({
      action: 'member.pin_issued', entity: { kind: 'member', id: 'm', label: '王淑芬' },
      changes: { pin: { from: '••••••', to: '••••••' } }, details: { sessionsEnded: 2 },
    });
    expect(actionLabel('member.pin_issued', zh)).toBe('发放报名密码 (PIN)');
    expect(changeLines(issued, zh).map((l) => `${l.label}: ${l.from} → ${l.to}`)).toEqual(['报名密码: •••••• → ••••••']);
    expect(detailText(issued, zh)).toBe('已结束其 2 处登录');
    expect(detailText(entry({ ...issued, details: { sessionsEnded: 0 } }), zh)).toBe('');
  });
});
