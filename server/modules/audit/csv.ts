/**
 * The audit log as a CSV file for Excel (WPS, LibreOffice), in the form of server/lib/csv.ts (BOM, quoted,
 * formula-safe), in the same words as the audit page: the page's own renderer (client/audit/audit-text.ts,
 * pure) with the Chinese dictionary, so a match reads "半决赛第 1 场" and a winner by name in both places,
 * never an engine key or an id. Local times; rooms and venues by name.
 */
import { actionLabel, changeLines, detailText, entityText, type AuditNames } from '../../../client/audit/audit-text.ts';
import type { AuditEntry } from '../../../client/audit/types.ts';
import { interpolate } from '../../../client/lib/i18n-core.ts';
import { zhCN } from '../../../client/lib/messages/zh-CN.ts';
import { BOM, csvLine } from '../../lib/csv.ts';
import { instantToZoned } from '../../shared/zoned-time.ts';
import type { AuditEntryDto } from './schemas.ts';

const ACTOR_KIND: Record<string, string> = { user: '用户', device: '设备', system: '系统' };

/** Fields whose values are ids of rooms or venues: shown by name where the name is known. */
const ID_FIELDS = new Set(['roomId', 'venueId', 'venueIds']);

const dictionary: Readonly<Record<string, string>> = zhCN;
const lookup: AuditNames['lookup'] = (key, params) => (Object.hasOwn(dictionary, key) ? interpolate(dictionary[key]!, params) : null);

/** `at` as the wall clock of `timeZone`, "2026-11-29 20:01:02". */
function localTime(at: string, timeZone: string): string {
  const z = instantToZoned(new Date(at), timeZone);
  return `${z.date} ${z.time}:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}`;
}

function namesFor(names: ReadonlyMap<string, string>, timeZone: string): AuditNames {
  return {
    lookup,
    instant: (iso) => localTime(iso, timeZone).slice(0, 16),
    venue: (id) => names.get(id) ?? id,
    room: (id) => names.get(id) ?? id,
  };
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

const asEntry = (e: AuditEntryDto): AuditEntry => e as AuditEntry;

/** "标题: 太极 → 太极拳; 开始: … → …" (erased values of a removed member read "（已删除）"). */
export function changesText(
  entry: Pick<AuditEntry, 'changes'> & Partial<Omit<AuditEntry, 'changes'>>,
  names: ReadonlyMap<string, string> = new Map(),
  timeZone = 'Asia/Shanghai',
): string {
  const full = { entity: { kind: 'booking', id: null, label: null }, details: {}, ...entry } as AuditEntry;
  return changeLines(full, namesFor(names, timeZone))
    .map((line) => `${line.label}: ${line.erased ? lookup('audit.value.erased') : `${line.from} → ${line.to}`}`)
    .join('; ');
}

export const CSV_HEADERS = ['时间', '操作人类型', '操作人', '操作', '对象类型', '对象', '对象编号', '场馆', '变更内容', '其他信息', '记录编号'];

/** `names`: venue and room names by id (venues for the venue column, both for ids inside the changes). */
export function auditCsv(entries: readonly AuditEntryDto[], names: ReadonlyMap<string, string>, timeZone: string): string {
  const headers = [...CSV_HEADERS];
  headers[0] = `时间（${timeZone}）`;
  const words = namesFor(names, timeZone);
  let out = BOM + csvLine(headers);
  for (const e of entries) {
    const entry = asEntry(e);
    const kind = lookup(`audit.entity.${e.entity.kind}`) ?? e.entity.kind;
    // entityText says "比赛 · 春季门球赛 · 半决赛第 1 场"; the kind has its own column.
    const object = entityText(entry, words);
    out += csvLine([
      localTime(e.at, timeZone),
      ACTOR_KIND[e.actor.kind] ?? e.actor.kind,
      e.actor.name,
      actionLabel(e.action, words),
      kind,
      object.startsWith(`${kind} · `) ? object.slice(kind.length + 3) : e.entity.label ? object : '',
      e.entity.id ?? '',
      e.venueId ? (names.get(e.venueId) ?? e.venueId) : '',
      changesText(entry, names, timeZone),
      detailText(entry, words),
      e.id,
    ]);
  }
  return out;
}
