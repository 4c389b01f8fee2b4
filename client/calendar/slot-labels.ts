/**
 * Column headings of the timelines: a month shows each day as its date and weekday ("7" over "周一"), never
 * the time of day its slot starts at (every column of 月·时间轴 was once headed "00:00").
 */
const LANGS: Record<string, string> = { 'zh-cn': 'zh-CN', 'en-gb': 'en-GB' };

/** The date and the weekday of a wall date (UTC fields carry the venue's date), in FullCalendar's locale. */
export function dayLabel(wall: Date, fcLocale: string): { day: string; weekday: string } {
  const lang = LANGS[fcLocale] ?? 'zh-CN';
  return {
    day: String(wall.getUTCDate()),
    weekday: new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(wall),
  };
}

/** The heading of a day column as DOM nodes: the date, and the weekday under it. */
export function dayLabelNodes(wall: Date, fcLocale: string): { domNodes: Node[] } {
  const { day, weekday } = dayLabel(wall, fcLocale);
  const box = document.createElement('span');
  box.className = 'day-label';
  const top = document.createElement('span');
  top.className = 'day-label-date';
  top.textContent = day;
  const bottom = document.createElement('span');
  bottom.className = 'day-label-weekday';
  bottom.textContent = weekday;
  box.append(top, bottom);
  return { domNodes: [box] };
}
