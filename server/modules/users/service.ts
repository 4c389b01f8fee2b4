import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { hashPassword } from '../auth/password.ts';
import { requireAdmin, type Principal } from '../auth/principal.ts';
import type { UserDto } from '../auth/schemas.ts';
import * as q from './queries.ts';
import type { CreateUserInput } from './schemas.ts';

export async function listUsers(db: Kysely<DB>, principal: Principal | null) {
  requireAdmin(principal);
  return (await q.listUsers(db)).map((u) => ({
    id: u.id,
    username: u.username,
    role: u.role,
    venueIds: u.venueIds,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function createUser(db: Kysely<DB>, principal: Principal | null, input: CreateUserInput): Promise<UserDto> {
  requireAdmin(principal);
  const username = input.username.trim();
  const venueIds = input.venueIds ?? [];
  if (input.role === 'coordinator' && venueIds.length === 0) {
    throw validationFailed('venueIds', 'A coordinator needs at least one venue to look after.');
  }
  if ((await q.countExistingVenues(db, venueIds)) !== venueIds.length) {
    throw validationFailed('venueIds', 'One of the chosen venues does not exist.');
  }
  const duplicate = () => new AppError('duplicate', `The username "${username}" is already taken.`, { field: 'username' });
  if (await q.usernameTaken(db, username)) throw duplicate();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await q.insertUser(trx, { username, passwordHash, role: input.role });
      await q.assignVenues(trx, user.id, venueIds);
      return { id: user.id, username: user.username, role: user.role, venueIds: [...venueIds].sort() };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
