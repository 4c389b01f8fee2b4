/** The shapes of `GET /api/audit` (docs/api.md "Audit log"), from the server's own schema. */
import type { AuditEntityKind } from '../../server/db/schema.ts';
import type { AuditEntryDto } from '../../server/modules/audit/schemas.ts';

export type { AuditEntityKind };
export const AUDIT_ENTITY_KINDS = ['booking', 'member', 'match', 'user', 'device', 'tournament', 'calendar_link', 'term', 'placement'] as const satisfies readonly AuditEntityKind[];

export interface FieldChange {
  from: unknown;
  to: unknown;
  /** The value was erased (a removed member). */
  erased?: boolean;
}

export type AuditEntry = Omit<AuditEntryDto, 'changes'> & { changes: Record<string, FieldChange> };

export interface AuditPage {
  entries: AuditEntry[];
  next: string | null;
}

/** The page's filters: local dates (YYYY-MM-DD, both days included), a venue, a kind; '' = any. */
export interface AuditFilters {
  from: string;
  to: string;
  venueId: string;
  entity: AuditEntityKind | '';
}
