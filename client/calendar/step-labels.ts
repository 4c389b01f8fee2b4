/**
 * What the toolbar's ‹ › move by in each view, so their tooltips say it ("上一天", "下一周", "下个月")
 * rather than a vague "上一段".
 */
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import type { ViewName } from './calendar-options.ts';

const UNIT: Record<ViewName, 'day' | 'week' | 'month'> = {
  resourceTimeGridDay: 'day',
  roomDay: 'day',
  roomsWeek: 'week',
  resourceTimelineWeek: 'week',
  listWeek: 'week',
  resourceTimelineMonth: 'month',
};

export function stepLabels(view: ViewName): { prev: MessageKey; next: MessageKey } {
  const unit = UNIT[view];
  return { prev: `cal.prev.${unit}`, next: `cal.next.${unit}` };
}
