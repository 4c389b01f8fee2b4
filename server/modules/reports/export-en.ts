/**
 * Report exports in English, when the page is in English (`lang=en`): the same tables as export.ts with
 * their headers and words translated. The Chinese is the reference; a word not listed here stays as it is.
 */
import type { ExportTable } from './export.ts';

const WORDS: Record<string, string> = {
  // headers
  日期: 'Date', '周（周一起）': 'Week (from Monday)', 月份: 'Month', 时段: 'Hour', '星期·时段': 'Weekday and hour', 房间: 'Room',
  会员类别: 'Member category', 活动: 'Activity', 场馆: 'Venue', 分组: 'Group', 'ISO 周': 'ISO week', 开始时间: 'Start', 类型: 'Kind',
  预计人数: 'Expected', 人次: 'Visits', 会员人数: 'Members', 来宾人次: 'Guests', 编号: 'ID', 项目: 'Sport', 赛事数: 'Tournaments',
  比赛场次: 'Matches', 参赛人次: 'Player appearances', 姓名: 'Name', 会员编号: 'Member number', 电话: 'Phone', 类别: 'Category',
  最后到访: 'Last visit', 未到周数: 'Weeks absent', 最后到访场馆: 'Last venue',
  // values
  合计: 'Total', 未指定房间: 'No room', 未登记活动: 'No activity', '（已删除）': '(deleted)',
  离休干部: 'Veteran cadre', 退休干部: 'Retired cadre', 原市级领导: 'Former city leader', 其他会员: 'Other member', 来宾: 'Guests',
  门球: 'Gateball', 乒乓球: 'Table tennis',
  课程: 'Class', 讲座: 'Lecture', 展览: 'Exhibition', 比赛: 'Competition', 会议: 'Meeting', 其他: 'Other',
  久未到访会员: 'Members not seen',
};
const WEEKDAYS: Record<string, string> = { 周一: 'Mon', 周二: 'Tue', 周三: 'Wed', 周四: 'Thu', 周五: 'Fri', 周六: 'Sat', 周日: 'Sun' };

export function englishWord(text: string): string {
  const word = WORDS[text];
  if (word !== undefined) return word;
  // "周一 08:00" (weekday and hour)
  const weekday = /^(周[一二三四五六日]) (\d{2}:\d{2})$/.exec(text);
  if (weekday) return `${WEEKDAYS[weekday[1]!]} ${weekday[2]}`;
  // "人次（日期）" (a sheet name)
  const sheet = /^(.+)（(.+)）$/.exec(text);
  if (sheet && WORDS[sheet[1]!] && WORDS[sheet[2]!]) return `${WORDS[sheet[1]!]} (${WORDS[sheet[2]!]})`;
  return text;
}

/** The table with English headers, sheet name and words (names of people, rooms and activities stay). */
export function inEnglish<T>(table: ExportTable<T>): ExportTable<T> {
  return {
    sheet: englishWord(table.sheet),
    rows: table.rows,
    columns: table.columns.map((c) => ({
      header: englishWord(c.header),
      value: (row: T) => {
        const value = c.value(row);
        return typeof value === 'string' ? englishWord(value) : value;
      },
    })),
  };
}
