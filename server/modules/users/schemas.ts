import { Type, type Static } from 'typebox';
import { Id } from '../../http/schemas.ts';
import { RoleSchema } from '../auth/schemas.ts';

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[\\p{L}\\p{N}._-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    role: RoleSchema,
    venueIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UserListItem = Type.Object({
  id: Id,
  username: Type.String(),
  role: RoleSchema,
  venueIds: Type.Array(Id),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    venueIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
    /** A new password set by an admin (a reset): every session of the user ends. */
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;
export type UserListItemDto = Static<typeof UserListItem>;
