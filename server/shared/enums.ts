/**
 * The fixed lists of values the server's schemas accept (TypeBox `OneOf` in the modules' schemas.ts), the database
 * columns hold (server/db/schema.ts) and the apps offer in their forms, defined once. Adding a value here needs
 * its labels in the apps (client/lib/labels.ts, the message files) and, where the database checks the column, a
 * migration.
 */

export const ROOM_KINDS = ['gateball_court', 'table_tennis', 'classroom', 'hall', 'studio', 'exhibition', 'other'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Kinds of booking (`POST /api/bookings` `kind`); each has its own colour on the calendar. */
export const BOOKING_KINDS = ['class', 'activity', 'lecture', 'meeting', 'competition', 'exhibition', 'other'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const ROLES = ['admin', 'coordinator', 'referee'] as const;
export type Role = (typeof ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** veteran 离休, retired 退休, leader 原市级领导, other. */
export const MEMBER_CATEGORIES = ['veteran', 'retired', 'leader', 'other'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** How a term fills oversubscribed classes: a public draw after the window, or in order of arrival. */
export const TERM_MODES = ['lottery', 'first_come'] as const;
export type TermMode = (typeof TERM_MODES)[number];

/** A member's place in a class (docs/enrolment.md "Placements"). An offered seat is held until `offerExpiresAt`. */
export const PLACEMENT_STATUSES = ['admitted', 'waitlisted', 'offered', 'withdrawn'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** How the seat came about: 续报 by a returning student, the draw, or first-come order. */
export const PLACEMENT_SOURCES = ['returning', 'draw', 'first_come'] as const;
export type PlacementSource = (typeof PLACEMENT_SOURCES)[number];

/**
 * Why a placement ended: the member (or staff for them) withdrew, an offer was declined or ran out, the seat was not
 * paid, the draw was redone, or the member took an offered seat in a class they ranked higher and so gave this one up.
 */
export const WITHDRAWN_REASONS = ['member', 'staff', 'declined', 'offer_expired', 'unpaid', 'redraw', 'upgraded'] as const;
export type WithdrawnReason = (typeof WITHDRAWN_REASONS)[number];

/** Where an application was made: staff at the front desk, the member at a kiosk, or at home on a phone. */
export const APPLICATION_CHANNELS = ['desk', 'kiosk', 'home'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
