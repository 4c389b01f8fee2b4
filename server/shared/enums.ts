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
