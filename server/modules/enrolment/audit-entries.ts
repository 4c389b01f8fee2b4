/** The audit entries of term enrolment: what the office changed, the draws, withdrawals and payments (never the secret before its draw). */
import type { AuditEntryInput } from '../audit/record.ts';
import type { ClassDto, PlacementDto, TermDto } from './schemas.ts';

const termEntity = (t: Pick<TermDto, 'id' | 'name'>) => ({ kind: 'term' as const, id: t.id, label: t.name });

export function termCreated(t: TermDto): AuditEntryInput {
  return { action: 'term.created', entity: termEntity(t), venueId: t.venueId, details: { mode: t.mode, applyFrom: t.applyFrom, applyUntil: t.applyUntil, published: t.seedHash } };
}

export function termUpdated(before: TermDto, after: TermDto): AuditEntryInput {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['name', 'renewFrom', 'renewUntil', 'applyFrom', 'applyUntil', 'classesPerMember', 'choicesPerApplication', 'priorityCategories', 'offerHours', 'payUntil'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return { action: 'term.updated', entity: termEntity(after), venueId: after.venueId, changes };
}

export function classSaved(action: 'term.class_created' | 'term.class_updated', term: TermDto, c: ClassDto, changes: Record<string, { from: unknown; to: unknown }> = {}): AuditEntryInput {
  return { action, entity: termEntity(term), venueId: term.venueId, changes, details: { classId: c.id, class: `${c.course} ${c.name}`, capacity: c.capacity } };
}

export function termDrawn(term: TermDto, draw: { round: number; publicNumber: string; seed: string; applications: number; admitted: number; waitlisted: number }): AuditEntryInput {
  return { action: 'term.drawn', entity: termEntity(term), venueId: term.venueId, details: draw };
}

export function termRedrawn(term: TermDto, redo: { round: number; reason: string; removedPlacements: number; published: string }): AuditEntryInput {
  return { action: 'term.redrawn', entity: termEntity(term), venueId: term.venueId, details: redo };
}

export function placementChanged(action: 'placement.withdrawn' | 'placement.paid' | 'placement.renewed', venueId: string, p: PlacementDto, details: Record<string, unknown> = {}): AuditEntryInput {
  return {
    action,
    entity: { kind: 'placement', id: p.id, label: p.memberName ?? null },
    venueId,
    details: { termId: p.termId, classId: p.classId, memberId: p.memberId, status: p.status, ...details },
  };
}
