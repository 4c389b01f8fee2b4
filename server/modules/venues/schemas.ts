import { Type, type Static } from 'typebox';
import { ROOM_KINDS } from '../../shared/enums.ts';
import { Id, Line, LocalTime, Name, OneOf } from '../../http/schemas.ts';

export const VenueSchema = Type.Object({
  id: Id,
  name: Type.String(),
  timezone: Type.String(),
  opensAt: Type.String(),
  closesAt: Type.String(),
});
export type VenueDto = Static<typeof VenueSchema>;

export const RoomKindSchema = OneOf(ROOM_KINDS);

export const RoomSchema = Type.Object({
  id: Id,
  venueId: Id,
  name: Type.String(),
  kind: RoomKindSchema,
  capacity: Type.Integer(),
});
export type RoomDto = Static<typeof RoomSchema>;

const Timezone = Line({ minLength: 1, maxLength: 64, description: 'IANA zone, e.g. Asia/Shanghai' });
const Capacity = Type.Integer({ minimum: 1, maximum: 100_000 });

export const CreateVenueBody = Type.Object(
  { name: Name, timezone: Type.Optional(Timezone), opensAt: Type.Optional(LocalTime), closesAt: Type.Optional(LocalTime) },
  { additionalProperties: false },
);
export type CreateVenueInput = Static<typeof CreateVenueBody>;

export const UpdateVenueBody = Type.Object(
  { name: Type.Optional(Name), timezone: Type.Optional(Timezone), opensAt: Type.Optional(LocalTime), closesAt: Type.Optional(LocalTime) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVenueInput = Static<typeof UpdateVenueBody>;

export const CreateRoomBody = Type.Object(
  { name: Name, kind: RoomKindSchema, capacity: Capacity },
  { additionalProperties: false },
);
export type CreateRoomInput = Static<typeof CreateRoomBody>;

export const UpdateRoomBody = Type.Object(
  { name: Type.Optional(Name), kind: Type.Optional(RoomKindSchema), capacity: Type.Optional(Capacity) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoomInput = Static<typeof UpdateRoomBody>;
