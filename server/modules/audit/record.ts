/**
 * Writing the audit log. Services record entries with the `audit` of their write (server/realtime/write.ts,
 * next to its `emit`s), which calls `recordAudit` in the change's own transaction, so an entry exists exactly
 * when the change committed. Entries say who (the principal, as a snapshot of their name), what (action,
 * entity) and how (changed fields, before → after).
 *
 * What must stay true: no secret ever reaches the table. `changes` and `details` pass through
 * `withoutSecrets`, which drops every key that names a password, token, hash or pairing code, at any depth;
 * callers still should not pass such fields in the first place.
 */
import type { Transaction } from 'kysely';
import type { AuditActorKind, AuditEntityKind, DB } from '../../db/schema.ts';
import type { Principal } from '../auth/principal.ts';
import * as q from './queries.ts';

/** Every action the log knows, `entity.verb`. The apps translate them (client/lib/messages/audit.*.ts, 'audit.action.*'). */
export const AUDIT_ACTIONS = [
  'booking.created',
  'booking.updated',
  'booking.cancelled',
  'member.created',
  'member.updated',
  'member.removed',
  // The desk issued (or replaced) a member's PIN for the phone pages; the PIN itself is never recorded.
  'member.pin_issued',
  'match.result_entered',
  'match.result_corrected',
  'tournament.lot_drawn',
  'tournament.start_undone',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'device.created',
  'device.paired',
  'device.revoked',
  // The site-wide ceiling on wrong pairing codes was passed (the system), or an admin resumed pairing early.
  'device.pairing_paused',
  'device.pairing_resumed',
  'calendar_link.created',
  'calendar_link.revoked',
  // Term enrolment (docs/enrolment.md): the office's changes, the public draw and its redo, seats and payments.
  'term.created',
  'term.updated',
  'term.class_created',
  'term.class_updated',
  'term.drawn',
  'term.redrawn',
  'placement.withdrawn',
  'placement.paid',
  'placement.renewed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  name: string;
}

export type FieldChange = { from: unknown; to: unknown };
export type Changes = Record<string, FieldChange>;

export interface AuditEntryInput {
  action: AuditAction;
  entity: { kind: AuditEntityKind; id: string | null; label?: string | null };
  venueId?: string | null;
  changes?: Changes;
  details?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: 'system' };

/** The actor of an entry: the signed-in user or the paired device; nobody (a background job) is the system. */
export function actorOf(principal: Principal | AuditActor | null): AuditActor {
  if (!principal) return SYSTEM_ACTOR;
  if (principal.kind === 'user' && 'userId' in principal) return { kind: 'user', id: principal.userId, name: principal.username };
  if (principal.kind === 'device' && 'deviceId' in principal) return { kind: 'device', id: principal.deviceId, name: principal.name };
  return principal as AuditActor;
}

/** Keys that name a secret, in any letter case: never stored, whatever a caller passes. */
const SECRET_KEY = /pass(word)?|token|hash|secret|pairing_?code/i;

export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v)) as T;
  if (value instanceof Date) return value.toISOString() as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    ) as T;
  }
  return value;
}

const normal = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/** The fields (of `fields`) whose values differ between `before` and `after`, as {from, to}. */
export function diff<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (!same(before[field], after[field])) changes[field] = { from: normal(before[field]), to: normal(after[field]) };
  }
  return changes;
}

/** A new entity's fields as changes from nothing (null) to their first values; empty values left out. */
export function created<T extends object>(after: T, fields: readonly (keyof T & string)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const value = normal(after[field]);
    if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) changes[field] = { from: null, to: value };
  }
  return changes;
}

/** Writes entries inside `trx` (one statement for all of them); nothing when the list is empty. */
export async function recordAudit(trx: Transaction<DB>, principal: Principal | AuditActor | null, ...entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = actorOf(principal);
  await q.insertEntries(
    trx,
    entries.map((e) => ({
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entityKind: e.entity.kind,
      entityId: e.entity.id,
      entityLabel: e.entity.label ?? null,
      venueId: e.venueId ?? null,
      changes: JSON.stringify(withoutSecrets(e.changes ?? {})),
      details: JSON.stringify(withoutSecrets(e.details ?? {})),
    })),
  );
}

/**
 * A removed member is erased from the log too: earlier entries about them keep which fields changed and
 * when, but no longer their values or their name (the member's row itself is anonymised in the same
 * transaction: server/modules/members/service.ts removeMember).
 */
export function eraseMemberFromLog(trx: Transaction<DB>, memberId: string): Promise<void> {
  return q.eraseEntityValues(trx, 'member', memberId);
}
