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
    expect(changesText({ phone: { from: null, to: null, erased: true } })).toBe('联系电话: （已删除）');
  });
});

describe('audit CSV names', () => {
  it('shows rooms and venues by name inside the changes', () => {
    const names = new Map([
      ['r1', '乒乓球室'],
      ['r2', '书画室'],
      ['v1', '东城中心'],
    ]);
    expect(changesText({ roomId: { from: 'r1', to: 'r2' }, venueIds: { from: ['v1', 'v9'], to: [] } }, names)).toBe('活动室: 乒乓球室 → 书画室; 负责场馆: 东城中心、v9 → （空）');
  });
});
