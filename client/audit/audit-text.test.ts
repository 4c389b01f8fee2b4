import { describe, expect, it } from 'vitest';
import { interpolate } from '../lib/i18n-core.ts';
import { zhCN } from '../lib/messages/zh-CN.ts';
import { en } from '../lib/messages/en.ts';
import { nextDay, auditQuery } from './audit-api.ts';
import { actionLabel, changeLines, detailText, entityText, type AuditNames } from './audit-text.ts';
import type { AuditEntry } from './types.ts';

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
