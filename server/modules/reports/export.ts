/**
 * The reports as tables with Chinese headers, a 合计 (total) line last where there is a total: the same
 * table becomes a CSV file (server/lib/csv.ts) or an XLSX workbook (server/lib/xlsx.ts). Times are the
 * venue's wall clock ("2026-01-08 15:00", as the audit log's CSV), never UTC; in XLSX dates are real dates.
 * Kinds of activity are words (讲座), not codes (lecture).
 */
import { ACTIVITY_LABELS, CATEGORY_LABELS } from './labels.ts';
import { localDate, localDateTime, localMonth, toCsv, type CellValue, type Column } from '../../lib/csv.ts';
import { instantToZoned } from '../../shared/zoned-time.ts';
import { sheetOf, xlsx } from '../../lib/xlsx.ts';
import type { AbsentMember, AbsentMembersReport, TournamentRow, TournamentsReport, VisitRow, VisitsReport } from './schemas.ts';

export interface ExportTable<T> {
  sheet: string;
  columns: Array<Column<T>>;
  rows: T[];
}

export type ExportFormat = 'csv' | 'xlsx';

export function exportFile<T>(table: ExportTable<T>, format: ExportFormat): string | Uint8Array {
  return format === 'csv' ? toCsv(table.columns, table.rows) : xlsx([sheetOf(table.sheet, table.columns, table.rows)]);
}

const GROUP_HEADERS: Record<string, string> = {
  day: '日期',
  week: '周（周一起）',
  month: '月份',
  hour: '时段',
  weekday_hour: '星期·时段',
  room: '房间',
  category: '会员类别',
  booking: '活动',
  venue: '场馆',
};
/** Groupings whose key is an id: the name comes first, the id last. */
const BY_ID = new Set(['room', 'booking', 'venue']);

/** An instant as the wall clock of `timeZone`: "2026-01-08 15:00". */
export function localTimeText(instant: string, timeZone: string): string {
  const z = instantToZoned(new Date(instant), timeZone);
  return `${z.date} ${z.time}`;
}

/** A day, week (its Monday) or month key of a report row as a date cell; the 合计 line stays text. */
function periodCell(key: string, grouping: string): CellValue {
  if (grouping === 'month' && /^\d{4}-\d{2}$/.test(key)) return localMonth(key);
  if ((grouping === 'day' || grouping === 'week') && /^\d{4}-\d{2}-\d{2}$/.test(key)) return localDate(key);
  return key;
}

/** `zoneOfRoom`: the zone of the venue a room is in (a booking's start is shown in it). */
export function visitsTable(report: VisitsReport, zoneOfRoom: (roomId: string | null | undefined) => string = () => 'UTC'): ExportTable<VisitRow> {
  const g = report.groupBy;
  const columns: Array<Column<VisitRow>> = [
    { header: GROUP_HEADERS[g] ?? '分组', value: (r) => (BY_ID.has(g) || g === 'category' || g === 'hour' || g === 'weekday_hour' ? (r.label ?? r.key) : periodCell(r.key, g)) },
    ...(g === 'week' ? [{ header: 'ISO 周', value: (r: VisitRow) => r.label }] : []),
    ...(g === 'booking'
      ? [
          { header: '开始时间', value: (r: VisitRow) => (r.start ? localDateTime(localTimeText(r.start, zoneOfRoom(r.roomId))) : null) },
          { header: '类型', value: (r: VisitRow) => (r.kind ? (ACTIVITY_LABELS[r.kind] ?? r.kind) : null) },
          { header: '预计人数', value: (r: VisitRow) => r.expected },
        ]
      : []),
    { header: '人次', value: (r) => r.visits },
    { header: '会员人数', value: (r) => r.members },
    { header: '来宾人次', value: (r) => r.guests },
    ...(BY_ID.has(g) ? [{ header: '编号', value: (r: VisitRow) => (r.key === 'none' ? '' : r.key) }] : []),
  ];
  return { sheet: `人次（${GROUP_HEADERS[g] ?? g}）`, columns, rows: [...report.rows, { key: '合计', label: '合计', ...report.total }] };
}

export function tournamentsTable(report: TournamentsReport): ExportTable<TournamentRow> {
  const columns: Array<Column<TournamentRow>> = [
    ...(report.groupBy === 'month' ? [{ header: '月份', value: (r: TournamentRow) => (r.month ? periodCell(r.month, 'month') : null) }] : []),
    { header: '项目', value: (r) => r.label ?? r.sport },
    { header: '赛事数', value: (r) => r.tournaments },
    { header: '比赛场次', value: (r) => r.matches },
    { header: '参赛人次', value: (r) => r.participations },
  ];
  return {
    sheet: '比赛',
    columns,
    rows: [...report.rows, { key: '合计', sport: '', label: '合计', ...(report.groupBy === 'month' ? { month: '合计' } : {}), ...report.total }],
  };
}

export function absentMembersTable(
  report: AbsentMembersReport,
  venues: ReadonlyMap<string, { name: string; timezone: string }>,
): ExportTable<AbsentMember> {
  const columns: Array<Column<AbsentMember>> = [
    { header: '姓名', value: (r) => r.name },
    { header: '会员编号', value: (r) => r.memberNo },
    { header: '电话', value: (r) => r.phone },
    { header: '类别', value: (r) => CATEGORY_LABELS[r.category] ?? r.category },
    { header: '最后到访', value: (r) => localDateTime(localTimeText(r.lastSeenAt, venues.get(r.lastVenueId)?.timezone ?? 'UTC')) },
    { header: '未到周数', value: (r) => r.weeksAbsent },
    { header: '最后到访场馆', value: (r) => venues.get(r.lastVenueId)?.name ?? r.lastVenueId },
  ];
  return { sheet: '久未到访会员', columns, rows: report.members };
}
