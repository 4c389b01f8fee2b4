/**
 * Reading the audit log: newest first, filtered by time, venue, entity and actor, a page at a time by keyset
 * (`before` = the id of the last entry seen), or the whole range as CSV. Admins only, which the access table
 * (server/http/access.ts) decides before these run.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { zonedToInstant } from '../../shared/zoned-time.ts';
import { auditCsv, idsIn } from './csv.ts';
import * as q from './queries.ts';
import { AUDIT_PAGE_DEFAULT, type AuditEntryDto, type AuditQueryInput } from './schemas.ts';

/** Most rows one CSV export holds; a longer range must be exported in parts. */
export const CSV_MAX_ROWS = 50_000;

function parseBound(text: string | undefined, field: 'from' | 'to', timeZone: string): Date | undefined {
  if (text === undefined) return undefined;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(text) ? safe(() => zonedToInstant(text, '00:00', timeZone)) : new Date(text);
  if (!instant || Number.isNaN(instant.getTime())) throw validationFailed(field, `"${text}" is not a date (YYYY-MM-DD) or an instant.`);
  return instant;
}

const safe = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch {
    return undefined;
  }
};

function filterOf(input: AuditQueryInput, timeZone: string): Omit<q.AuditFilter, 'limit'> {
  const from = parseBound(input.from, 'from', timeZone);
  const to = parseBound(input.to, 'to', timeZone);
  if (from && to && to.getTime() <= from.getTime()) throw validationFailed('to', 'The end of the range must come after its start.');
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(input.venueId ? { venueId: input.venueId } : {}),
    ...(input.entity ? { entityKind: input.entity } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.actor ? { actorId: input.actor } : {}),
  };
}

export const toEntry = (row: q.AuditRow): AuditEntryDto => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
  action: row.action,
  entity: { kind: row.entityKind, id: row.entityId, label: row.entityLabel },
  venueId: row.venueId,
  changes: row.changes ?? {},
  details: row.details ?? {},
});

export async function listAudit(db: Kysely<DB>, input: AuditQueryInput, timeZone: string) {
  const limit = input.limit ?? AUDIT_PAGE_DEFAULT;
  const rows = await q.listEntries(db, {
    ...filterOf(input, timeZone),
    ...(input.before ? { beforeId: Number(input.before) } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit).map(toEntry);
  return { entries: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** The filtered entries (the whole range; `limit` and `before` are ignored) as CSV text. */
export async function exportAuditCsv(db: Kysely<DB>, input: AuditQueryInput, timeZone: string): Promise<string> {
  const rows = await q.listEntries(db, { ...filterOf(input, timeZone), limit: CSV_MAX_ROWS + 1 });
  if (rows.length > CSV_MAX_ROWS) {
    throw new AppError('validation_failed', `More than ${CSV_MAX_ROWS} entries match; export a shorter date range.`, { field: 'from' });
  }
  const entries = rows.map(toEntry);
  const ids = [...new Set([...entries.flatMap((e) => (e.venueId ? [e.venueId] : [])), ...idsIn(entries)])];
  const names = new Map((await q.namesOf(db, ids)).map((v) => [v.id, v.name]));
  return auditCsv(entries, names, timeZone);
}
