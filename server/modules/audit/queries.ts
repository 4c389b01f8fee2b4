import { sql, type Insertable, type Transaction } from 'kysely';
import type { AuditEntityKind, AuditLogTable, DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';

/** Rows per INSERT: a statement takes at most 65,535 parameters (10 a row here), and an import can be long. */
const INSERT_CHUNK = 1000;

export async function insertEntries(trx: Transaction<DB>, rows: Insertable<AuditLogTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx.insertInto('auditLog').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  venueId?: string;
  entityKind?: AuditEntityKind;
  entityId?: string;
  actorId?: string;
  /** Keyset cursor: entries with a smaller id (older) than this. */
  beforeId?: number;
  limit: number;
}

const columns = [
  'id',
  'at',
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'entityKind',
  'entityId',
  'entityLabel',
  'venueId',
  'changes',
  'details',
] as const;

/** Newest first (by id: the order entries were written), at most `limit` of them. */
export function listEntries(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom('auditLog').select([...columns]);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.venueId) query = query.where('venueId', '=', filter.venueId);
  if (filter.entityKind) query = query.where('entityKind', '=', filter.entityKind);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listEntries>>[number];

/** Keeps which fields changed, drops their values and the entity's name (see record.ts eraseMemberFromLog). */
export async function eraseEntityValues(trx: Transaction<DB>, kind: AuditEntityKind, entityId: string): Promise<void> {
  await sql`
    update audit_log
       set entity_label = null,
           changes = coalesce((select jsonb_object_agg(key, '{"from":null,"to":null,"erased":true}'::jsonb) from jsonb_each(changes)), '{}'::jsonb),
           details = details - 'name'
     where entity_kind = ${kind} and entity_id = ${entityId}`.execute(trx);
}

/** Names of venues and rooms by id (ids are UUIDs, unique across both tables). */
export async function namesOf(db: Executor, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const valid = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (valid.length === 0) return [];
  const [venues, rooms] = await Promise.all([
    db.selectFrom('venues').select(['id', 'name']).where('id', 'in', valid).execute(),
    db.selectFrom('rooms').select(['id', 'name']).where('id', 'in', valid).execute(),
  ]);
  return [...venues, ...rooms];
}
