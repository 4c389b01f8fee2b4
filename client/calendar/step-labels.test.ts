import { describe, expect, it } from 'vitest';
import { zhCN as zh } from '../lib/messages/zh-CN.ts';
import { VIEWS, NARROW_VIEWS } from './calendar-options.ts';
import { stepLabels } from './step-labels.ts';

describe('the ‹ › tooltips', () => {
  it('name what moves in each view', () => {
    expect(stepLabels('resourceTimeGridDay')).toEqual({ prev: 'cal.prev.day', next: 'cal.next.day' });
    expect(stepLabels('roomDay').next).toBe('cal.next.day');
    expect(stepLabels('roomsWeek').prev).toBe('cal.prev.week');
    expect(stepLabels('resourceTimelineWeek').next).toBe('cal.next.week');
    expect(stepLabels('listWeek').next).toBe('cal.next.week');
    expect(stepLabels('resourceTimelineMonth')).toEqual({ prev: 'cal.prev.month', next: 'cal.next.month' });
  });

  it('are words, never the vague 上一段 / 下一段', () => {
    for (const view of [...VIEWS, ...NARROW_VIEWS]) {
      const { prev, next } = stepLabels(view);
      expect([zh[prev], zh[next]]).not.toContain('上一段');
      expect(zh[next]).toMatch(/^下/);
      expect(zh[prev]).toMatch(/^上/);
    }
  });
});
