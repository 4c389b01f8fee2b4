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
