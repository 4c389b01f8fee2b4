/**
 * The bookings interface (docs/api.md "Bookings", extended with series scopes, closures and a conflict check).
 */
import { Type, type Static } from 'typebox';
import { BOOKING_KINDS } from '../../shared/enums.ts';
import { Id, Instant, Line, NAME_MAX_LENGTH, OneOf, Text, TEXT_MAX_LENGTH } from '../../http/schemas.ts';

export const BookingKindSchema = OneOf(BOOKING_KINDS);
export const SeriesScopeSchema = OneOf(['this', 'following', 'all'] as const, 'which occurrences of a series a change applies to');
export type SeriesScope = Static<typeof SeriesScopeSchema>;

const Title = Line({ minLength: 1, maxLength: NAME_MAX_LENGTH, notBlank: true });
/** Free text, kept exactly as sent (trimmed at the ends). */
const Notes = Text({ maxLength: TEXT_MAX_LENGTH });
const ExpectedCount = Type.Integer({ minimum: 0, maximum: 100_000 });
/** A row's version (PostgreSQL integer): bounded so a huge number is refused here, not by the database. */
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD in the venue zone' });

export const BookingSchema = Type.Object({
  id: Id,
  venueId: Id,
  roomId: Id,
  start: Type.String(),
  end: Type.String(),
  title: Type.String(),
  kind: BookingKindSchema,
  status: OneOf(['confirmed', 'cancelled'] as const),
  seriesId: Type.Union([Id, Type.Null()]),
  occurrenceDate: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  expectedCount: Type.Union([Type.Integer(), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
});
export type BookingDto = Static<typeof BookingSchema>;

/** An existing booking in the way, and (for a series) which new occurrence it blocks. */
export const ConflictSchema = Type.Object({
  id: Id,
  roomId: Id,
  start: Type.String(),
  end: Type.String(),
  title: Type.String(),
  occurrence: Type.Optional(Type.Object({ start: Type.String(), end: Type.String() })),
});
export type ConflictDto = Static<typeof ConflictSchema>;

export const ClosureSchema = Type.Object({
  id: Id,
  venueId: Id,
  roomId: Type.Union([Id, Type.Null()]),
  start: Type.String(),
  end: Type.String(),
  reason: Type.String(),
});
export type ClosureDto = Static<typeof ClosureSchema>;

export const RecurrenceSchema = Type.Object(
  {
    rrule: Line({ minLength: 1, maxLength: 500, description: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630' }),
    exdates: Type.Optional(Type.Array(LocalDate, { maxItems: 400 })),
  },
  { additionalProperties: false },
);

export const ListBookingsQuery = Type.Object(
  {
    venueId: Id,
    from: Instant,
    to: Instant,
    roomId: Type.Optional(Id),
    includeCancelled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListBookingsInput = Static<typeof ListBookingsQuery>;

export const CreateBookingBody = Type.Object(
  {
    roomId: Id,
    start: Instant,
    end: Instant,
    title: Title,
    kind: Type.Optional(BookingKindSchema),
    expectedCount: Type.Optional(ExpectedCount),
    notes: Type.Optional(Notes),
    recurrence: Type.Optional(RecurrenceSchema),
    skipConflicts: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateBookingInput = Static<typeof CreateBookingBody>;

export const CheckBookingBody = Type.Object(
  {
    roomId: Id,
    start: Instant,
    end: Instant,
    recurrence: Type.Optional(RecurrenceSchema),
    /** The booking being moved: it does not clash with itself. */
    bookingId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CheckBookingInput = Static<typeof CheckBookingBody>;

export const UpdateBookingBody = Type.Object(
  {
    version: Version,
    start: Type.Optional(Instant),
    end: Type.Optional(Instant),
    roomId: Type.Optional(Id),
    title: Type.Optional(Title),
    kind: Type.Optional(BookingKindSchema),
    expectedCount: Type.Optional(Type.Union([ExpectedCount, Type.Null()])),
    notes: Type.Optional(Type.Union([Notes, Type.Null()])),
    scope: Type.Optional(SeriesScopeSchema),
  },
  { additionalProperties: false },
);
export type UpdateBookingInput = Static<typeof UpdateBookingBody>;

export const CancelBookingQuery = Type.Object(
  { scope: Type.Optional(SeriesScopeSchema), version: Type.Optional(Version) },
  { additionalProperties: false },
);

export const CreateBookingResponse = Type.Object({
  bookings: Type.Array(BookingSchema),
  seriesId: Type.Union([Id, Type.Null()]),
  skipped: Type.Array(
    Type.Object({
      start: Type.String(),
      end: Type.String(),
      reason: OneOf(['conflict', 'closure'] as const),
      conflicts: Type.Array(ConflictSchema),
      closures: Type.Array(ClosureSchema),
    }),
  ),
});

export const CheckResponse = Type.Object({
  ok: Type.Boolean(),
  occurrences: Type.Integer(),
  /** How many of the occurrences start before opening or end after closing, and the hours; null if none. */
  outsideHours: Type.Union([Type.Object({ count: Type.Integer(), opensAt: Type.String(), closesAt: Type.String() }), Type.Null()]),
  conflicts: Type.Array(ConflictSchema),
  closures: Type.Array(ClosureSchema),
});

export const ListClosuresQuery = Type.Object({ from: Type.Optional(Instant), to: Type.Optional(Instant) }, { additionalProperties: false });

export const CreateClosureBody = Type.Object(
  {
    start: Instant,
    end: Instant,
    reason: Line({ minLength: 1, maxLength: NAME_MAX_LENGTH, notBlank: true }),
    roomId: Type.Optional(Id),
    /** Cancel the bookings that fall inside; without it they are listed as a 409. */
    cancelBookings: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateClosureInput = Static<typeof CreateClosureBody>;
