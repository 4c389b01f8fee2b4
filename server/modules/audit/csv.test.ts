import { describe, expect, it } from 'vitest';
import { BOM } from '../../lib/csv.ts';
import { auditCsv, changesText } from './csv.ts';
import type { AuditEntryDto } from './schemas.ts';

describe('audit CSV', () => {
  it('writes a BOM, Chinese headers, local times and Chinese words', () => {
    const entry: AuditEntryDto = {
      id: '42',
      at: '2026-12-07T01:02:03.000Z',
      actor: { kind: 'user', id: null, name: '王主任' },
      action: 'booking.updated',
      entity: { kind: 'booking', id: null, label: '太极拳' },
      venueId: 'v1',
      changes: { title: { from: '太极', to: '太极拳' }, notes: { from: null, to: '' } },
      details: {},
    };
    const csv = auditCsv([entry], new Map([['v1', '老干部活动中心']]), 'Asia/Shanghai');
    expect(csv.startsWith(BOM)).toBe(true);
    const [header, row, rest] = csv.slice(1).split('\r\n');
    expect(header).toBe('"时间（Asia/Shanghai）","操作人类型","操作人","操作","对象类型","对象","对象编号","场馆","变更内容","其他信息","记录编号"');
    expect(row).toBe('"2026-12-07 09:02:03","用户","王主任","修改预约","预约","太极拳","","老干部活动中心","标题: 太极 → 太极拳; 备注: （空） → （空）","","42"');
    expect(rest).toBe('');
    expect(changesText({ changes: { phone: { from: null, to: null, erased: true } } })).toBe('联系电话: （已删除）');
  });
});

describe('audit CSV names', () => {
  it('shows rooms and venues by name inside the changes', () => {
    const names = new Map([
      ['r1', '乒乓球室'],
      ['r2', '书画室'],
      ['v1', '东城中心'],
    ]);
    expect(changesText({ changes: { roomId: { from: 'r1', to: 'r2' }, venueIds: { from: ['v1', 'v9'], to: [] } } }, names)).toBe('活动室: 乒乓球室 → 书画室; 负责场馆: 东城中心、v9 → （空）');
  });
});

describe('audit CSV of a tournament', () => {
  it('names matches and players as the audit page does, never an engine key or an id', () => {
    // The field test: the log said "胜者：（空）→ 6e8150a8" and the export "银龄杯 · K2-1".
    const entry: AuditEntryDto = {
      id: '7',
      at: '2026-12-07T06:00:00.000Z',
      actor: { kind: 'user', id: null, name: '裁判甲' },
      action: 'match.result_entered',
      entity: { kind: 'match', id: 'm1', label: '银龄杯 · K2-1' },
      venueId: null,
      changes: {
        result: { from: null, to: { games: [[11, 7], [11, 9]] } },
        winnerId: { from: null, to: '6e8150a8-0000-4000-8000-000000000001' },
      },
      details: {
        names: { '6e8150a8-0000-4000-8000-000000000001': '李秀英', '7f000000-0000-4000-8000-000000000002': '王建华' },
        knockoutRounds: 3,
      },
    };
    const [, row] = auditCsv([entry], new Map(), 'Asia/Shanghai').slice(1).split('\r\n');
    expect(row).toContain('"比赛","银龄杯 · 半决赛第 1 场"');
    expect(row).toContain('胜者: （未决出） → 李秀英');
    expect(row).toContain('结果: （空） → 李秀英 11:7, 11:9 王建华');
    expect(row).not.toMatch(/K2-1|6e8150a8"|→ 6e8150a8/);
  });
});
