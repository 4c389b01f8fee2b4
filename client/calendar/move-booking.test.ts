import { describe, expect, it } from 'vitest';
import { zhCN } from '../lib/messages/zh-CN.ts';
import type { Room } from '../lib/types.ts';
import type { Translate } from './event-view.ts';
import { movedNotice } from './move-booking.ts';

const tr: Translate = (key, params = {}) => zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
const reading: Room = { id: 'r1', venueId: 'v1', name: '阅览室', kind: 'reading', capacity: 40 };

describe('the notice after a drag or resize', () => {
  it('warns when more people are expected than the room holds', () => {
    const notice = movedNotice({ title: '健康讲座', expectedCount: 120 }, reading, tr);
    expect(notice.warn).toBe(true);
    expect(notice.text).toBe('已移动「健康讲座」。注意：预计 120 人，超过阅览室容量 40 人。');
  });

  it('is a plain success when the room is big enough or no count was given', () => {
    expect(movedNotice({ title: '读书会', expectedCount: 40 }, reading, tr)).toEqual({ text: '已移动「读书会」。', warn: false });
    expect(movedNotice({ title: '读书会', expectedCount: null }, reading, tr).warn).toBe(false);
  });
});
