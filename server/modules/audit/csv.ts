/**
 * The audit log as a CSV file for Excel (WPS, LibreOffice), in the form of server/lib/csv.ts (BOM, quoted,
 * formula-safe): Chinese headers and words, local times, rooms and venues by name.
 */
import { BOM, csvLine } from '../../lib/csv.ts';
import { instantToZoned } from '../../lib/zoned-time.ts';
import type { AuditEntryDto } from './schemas.ts';

const ACTOR_KIND: Record<string, string> = { user: '用户', device: '设备', system: '系统' };
const ENTITY_KIND: Record<string, string> = { booking: '预约', member: '会员', match: '比赛', user: '用户', device: '设备', tournament: '赛事' };
const ACTION: Record<string, string> = {
  'booking.created': '新建预约',
  'booking.updated': '修改预约',
  'booking.cancelled': '取消预约',
  'member.created': '新增会员',
  'member.updated': '修改会员',
  'member.removed': '删除会员',
  'match.result_entered': '录入比赛结果',
  'match.result_corrected': '更正比赛结果',
  'tournament.lot_drawn': '记录抽签结果',
  'tournament.start_undone': '撤销开赛',
  'user.created': '新增用户',
  'user.updated': '修改用户',
  'user.disabled': '停用用户',
  'user.enabled': '启用用户',
  'user.password_reset': '重置密码',
  'device.created': '添加设备',
  'device.paired': '设备配对',
  'device.revoked': '撤销设备',
};
const FIELD: Record<string, string> = {
  title: '标题',
  start: '开始',
  end: '结束',
  roomId: '活动室',
  kind: '类型',
  status: '状态',
  expectedCount: '预计人数',
  notes: '备注',
  rrule: '重复规则',
  name: '姓名/名称',
  memberNo: '会员编号',
  cardCode: '会员卡号',
  phone: '联系电话',
  category: '类别',
  gender: '性别',
  birthMonth: '出生年月',
  formerUnit: '原工作单位',
  formerPosition: '原职务',
  result: '结果',
  winnerId: '胜者',
  username: '用户名',
  role: '角色',
  venueIds: '负责场馆',
  disabled: '停用',
  venueId: '场馆',
};

/** The order fields are listed in (the database keeps JSON keys in its own order); others follow, A–Z. */
const FIELD_ORDER = Object.keys(FIELD);
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** Fields whose values are ids of rooms or venues: shown by name where the name is known. */
const ID_FIELDS = new Set(['roomId', 'venueId', 'venueIds']);

function valueText(field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '（空）';
  if (ID_FIELDS.has(field)) {
    const ids = Array.isArray(value) ? value.map(String) : [String(value)];
    return ids.map((id) => names.get(id) ?? id).join('、');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The room and venue ids the changes name, for the caller to look their names up. */
export function idsIn(entries: readonly AuditEntryDto[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    for (const [field, c] of Object.entries(e.changes)) {
      if (!ID_FIELDS.has(field)) continue;
      for (const v of [c.from, c.to].flat()) if (typeof v === 'string') ids.add(v);
    }
  }
  return [...ids];
}

/** "标题: 太极 → 太极拳; 开始: … → …" (erased values of a removed member read "（已删除）"). */
export function changesText(changes: Record<string, { from: unknown; to: unknown; erased?: boolean }>, names: ReadonlyMap<string, string> = new Map()): string {
  return Object.entries(changes)
    .sort(([a], [b]) => fieldRank(a) - fieldRank(b) || (a < b ? -1 : 1))
    .map(([field, c]) => `${FIELD[field] ?? field}: ${c.erased ? '（已删除）' : `${valueText(field, c.from, names)} → ${valueText(field, c.to, names)}`}`)
    .join('; ');
}

export const CSV_HEADERS = ['时间', '操作人类型', '操作人', '操作', '对象类型', '对象', '对象编号', '场馆', '变更内容', '其他信息', '记录编号'];

/** `at` as the wall clock of `timeZone`, "2026-11-29 20:01:02". */
function localTime(at: string, timeZone: string): string {
  const z = instantToZoned(new Date(at), timeZone);
  return `${z.date} ${z.time}:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}`;
}

/** `names`: venue and room names by id (venues for the venue column, both for ids inside the changes). */
export function auditCsv(entries: readonly AuditEntryDto[], names: ReadonlyMap<string, string>, timeZone: string): string {
  const headers = [...CSV_HEADERS];
  headers[0] = `时间（${timeZone}）`;
  let out = BOM + csvLine(headers);
  for (const e of entries) {
    out += csvLine([
      localTime(e.at, timeZone),
      ACTOR_KIND[e.actor.kind] ?? e.actor.kind,
      e.actor.name,
      ACTION[e.action] ?? e.action,
      ENTITY_KIND[e.entity.kind] ?? e.entity.kind,
      e.entity.label ?? '',
      e.entity.id ?? '',
      e.venueId ? (names.get(e.venueId) ?? e.venueId) : '',
      changesText(e.changes as Record<string, { from: unknown; to: unknown; erased?: boolean }>, names),
      Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
      e.id,
    ]);
  }
  return out;
}
