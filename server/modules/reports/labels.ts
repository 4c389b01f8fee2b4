/** What people read in reports and their CSV: Chinese names of categories, sports, activities, hours, weeks. */
export const CATEGORY_ORDER = ['veteran', 'retired', 'leader', 'other', 'guest'] as const;
export const CATEGORY_LABELS: Record<string, string> = {
  veteran: '离休干部',
  retired: '退休干部',
  leader: '原市级领导',
  other: '其他会员',
  guest: '来宾',
};
export const SPORT_LABELS: Record<string, string> = { gateball: '门球', table_tennis: '乒乓球' };
export const ACTIVITY_LABELS: Record<string, string> = {
  class: '课程',
  lecture: '讲座',
  exhibition: '展览',
  competition: '比赛',
  activity: '活动',
  meeting: '会议',
  other: '其他',
};
const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** '08' → '08:00–09:00'. */
export const hourLabel = (key: string) => `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
/** '1-08' → '周一 08:00'. */
export const weekdayHourLabel = (key: string) => {
  const [day, hour] = key.split('-');
  return `${WEEKDAYS[Number(day)] ?? day} ${hour}:00`;
};

/** The Monday 'YYYY-MM-DD' of an ISO week → '2026-W48' (the ISO week-numbering year). */
export function weekLabel(monday: string): string {
  const t = Date.parse(`${monday}T00:00:00Z`);
  const thursday = new Date(t + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
