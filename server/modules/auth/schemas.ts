import { Type, type Static } from 'typebox';
import { ROLES } from '../../shared/enums.ts';
import { Id, Line, OneOf } from '../../http/schemas.ts';

export const RoleSchema = OneOf(ROLES);

export const UserSchema = Type.Object({
  id: Id,
  username: Type.String(),
  role: RoleSchema,
  venueIds: Type.Array(Id),
});
export type UserDto = Static<typeof UserSchema>;

export const LoginBody = Type.Object(
  { username: Line({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof LoginBody>;

/** The same minimum as ADMIN_PASSWORD and POST /api/users. */
export const PASSWORD_MIN_LENGTH = 8;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordInput = Static<typeof ChangePasswordBody>;

export const MeDevice = Type.Object({
  id: Id,
  kind: OneOf(['kiosk', 'display']),
  venueId: Id,
  name: Type.String(),
  venue: Type.Object({ id: Id, name: Type.String(), timezone: Type.String(), opensAt: Type.String(), closesAt: Type.String() }),
});

/** A user (session cookie) or a device (bearer token): exactly one of the two is present. */
export const MeResponse = Type.Object({
  user: Type.Optional(UserSchema),
  device: Type.Optional(MeDevice),
});
