import { Type, type Static } from 'typebox';
import { Id, Line, OneOf } from '../../http/schemas.ts';
import { CAPACITY_LEVELS } from '../../shared/capacity.ts';

export const CheckInBody = Type.Object(
  {
    venueId: Id,
    /** What the card's QR code or barcode says (a USB scanner types it). */
    memberCode: Type.Optional(Line({ minLength: 1, maxLength: 64 })),
    memberId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    bookingId: Type.Optional(Id),
    /** Walk-in visitors without a card, or people a member brings along. */
    guests: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CheckInInput = Static<typeof CheckInBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })),
});

export const VisitSchema = Type.Object({
  id: Id,
  memberId: Type.Union([Id, Type.Null()]),
  venueId: Id,
  roomId: Type.Union([Id, Type.Null()]),
  bookingId: Type.Union([Id, Type.Null()]),
  guests: Type.Integer(),
  checkedInAt: Type.String(),
  checkedOutAt: Type.Union([Type.String(), Type.Null()]),
  endedReason: Type.Union([Type.String(), Type.Null()]),
});
export type VisitDto = Static<typeof VisitSchema>;

export const HeadcountSchema = Type.Object({
  venueId: Id,
  total: Type.Integer(),
  rooms: Type.Array(
    Type.Object({
      roomId: Id,
      count: Type.Integer(),
      capacity: Type.Integer(),
      /** `warning` from 90 % of capacity, `full` from 100 % (server/shared/capacity.ts). */
      level: OneOf(CAPACITY_LEVELS),
    }),
  ),
  at: Type.String(),
});
export type HeadcountDto = Static<typeof HeadcountSchema>;

export const CheckInResponse = Type.Object({
  visit: VisitSchema,
  headcount: HeadcountSchema,
  member: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  /** The member's earlier visit that this check-in ended (they moved rooms). */
  moved: Type.Union([VisitSchema, Type.Null()]),
  /** True when this answer repeats an earlier request with the same Idempotency-Key. */
  replayed: Type.Boolean(),
});
