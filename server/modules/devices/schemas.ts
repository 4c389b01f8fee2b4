import { Type, type Static } from 'typebox';
import { DEVICE_KINDS } from '../../shared/enums.ts';
import { Id, Line, Name, NullableInstant, OneOf } from '../../http/schemas.ts';

export const DeviceKindSchema = OneOf(DEVICE_KINDS);
export const DeviceStatusSchema = OneOf(['awaiting_pairing', 'pairing_expired', 'paired', 'revoked']);

export const DeviceSchema = Type.Object({
  id: Id,
  kind: DeviceKindSchema,
  venueId: Id,
  name: Type.String(),
  status: DeviceStatusSchema,
  pairingExpiresAt: NullableInstant,
  pairedAt: NullableInstant,
  revokedAt: NullableInstant,
  lastSeenAt: NullableInstant,
  /** Seen within the last 150 seconds (a connected kiosk or display beats every minute; devices/presence.ts). */
  online: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type DeviceDto = Static<typeof DeviceSchema>;

export const CreateDeviceBody = Type.Object(
  { kind: DeviceKindSchema, venueId: Id, name: Name },
  { additionalProperties: false },
);
export type CreateDeviceInput = Static<typeof CreateDeviceBody>;

export const PairBody = Type.Object(
  { pairingCode: Line({ minLength: 1, maxLength: 32 }) },
  { additionalProperties: false },
);

export const ListDevicesQuery = Type.Object({ venueId: Type.Optional(Id) }, { additionalProperties: false });

/**
 * The site-wide ceiling on wrong pairing codes (pairing-limits.ts): `failedAttempts` of this hour's window
 * (which began at `since`) against `limit`; past it `paused`, from `pausedAt` until `pausedUntil`.
 */
export const PairingStatusSchema = Type.Object({
  paused: Type.Boolean(),
  failedAttempts: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  since: NullableInstant,
  pausedAt: NullableInstant,
  pausedUntil: NullableInstant,
  /** Whether the caller may resume early (admins), so the page knows whether to offer it. */
  canResume: Type.Boolean(),
});
export type PairingStatusDto = Static<typeof PairingStatusSchema>;
