import { Type, type Static } from 'typebox';
import { AUDIT_ACTOR_KINDS, AUDIT_ENTITY_KINDS } from '../../db/schema.ts';
import { Id, OneOf } from '../../http/schemas.ts';

/** An instant, or a calendar date (YYYY-MM-DD) meaning the start of that day in the venue time zone (TZ_VENUE). */
const DateOrInstant = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'YYYY-MM-DD (start of that day in TZ_VENUE) or an ISO 8601 instant with an offset',
});

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(DateOrInstant),
    to: Type.Optional(DateOrInstant),
    venueId: Type.Optional(Id),
    entity: Type.Optional(OneOf(AUDIT_ENTITY_KINDS, 'booking, member, match, user, device, tournament or calendar_link')),
    entityId: Type.Optional(Id),
    actor: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX })),
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'The `next` of the previous page' })),
    format: Type.Optional(OneOf(['json', 'csv'] as const)),
  },
  { additionalProperties: false },
);
export type AuditQueryInput = Static<typeof AuditQuery>;

const JsonObject = <T>() => Type.Unsafe<T>({ type: 'object', additionalProperties: true });

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: OneOf(AUDIT_ACTOR_KINDS), id: Type.Union([Id, Type.Null()]), name: Type.String() }),
  action: Type.String(),
  entity: Type.Object({
    kind: OneOf(AUDIT_ENTITY_KINDS),
    id: Type.Union([Id, Type.Null()]),
    label: Type.Union([Type.String(), Type.Null()]),
  }),
  venueId: Type.Union([Id, Type.Null()]),
  /** {field: {from, to}} for each changed field. */
  changes: JsonObject<Record<string, { from: unknown; to: unknown }>>(),
  details: JsonObject<Record<string, unknown>>(),
});
export type AuditEntryDto = Static<typeof AuditEntrySchema>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: Type.Union([Type.String(), Type.Null()]),
});
