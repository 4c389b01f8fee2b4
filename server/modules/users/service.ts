import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { userChanged, userCreated } from '../audit/entries.ts';
import { hashPassword } from '../auth/password.ts';
import { requireUser, type Principal } from '../auth/principal.ts';
import { revokeUserSessions } from '../auth/queries.ts';
import type { UserDto } from '../auth/schemas.ts';
import * as q from './queries.ts';
import type { CreateUserInput, UpdateUserInput, UserListItemDto } from './schemas.ts';

/** Accounts are for admins only: the access table lets nobody else call these. */
export async function listUsers(db: Kysely<DB>) {
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
  const admin = requireUser(principal);
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
    return await write(db, async ({ trx, audit }) => {
      const user = await q.insertUser(trx, { username, passwordHash, role: input.role });
      await q.assignVenues(trx, user.id, venueIds);
      const dto = { id: user.id, username: user.username, role: user.role, venueIds: [...venueIds].sort() };
      await audit(admin, userCreated({ ...dto, disabled: false }));
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

const lastAdmin = () =>
  new AppError('conflict', 'This is the last active admin account; make another user an admin first.', {
    messageZh: '这是最后一个在用的管理员账户，请先把另一位用户设为管理员。',
  });

/**
 * An admin changes a user's role, venues, disabled state or password. Disabling or a password reset ends
 * every session of the user at once, and their sockets close on every process (system events through the
 * outbox, delivered only if this commits). A changed role or venue list closes their sockets too, so that
 * the apps reconnect and subscribe with the new rights (the session itself stays). An admin may not disable
 * themselves or reset their own password here (the account page asks for the current one), and the last
 * active admin may be neither demoted nor disabled. Every change is audited in the same transaction.
 */
export async function updateUser(db: Kysely<DB>, principal: Principal | null, userId: string, input: UpdateUserInput): Promise<UserListItemDto> {
  const admin = requireUser(principal);
  if (userId === admin.userId && input.disabled === true) {
    throw new AppError('conflict', 'You cannot disable your own account; ask another admin.', { field: 'disabled', messageZh: '不能停用自己的账户，请让另一位管理员操作。' });
  }
  if (userId === admin.userId && input.password !== undefined) {
    throw new AppError('validation_failed', 'Change your own password on your account page; it asks for the current one.', {
      field: 'password',
      messageZh: '请在“我的账户”页面修改自己的密码（需要当前密码）。',
    });
  }
  if (input.venueIds && (await q.countExistingVenues(db, input.venueIds)) !== input.venueIds.length) {
    throw validationFailed('venueIds', 'One of the chosen venues does not exist.');
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;

  return write(db, async ({ trx, emit, audit }) => {
    const locked = await q.lockUserAndActiveAdmins(trx, userId);
    const row = locked.find((u) => u.id === userId);
    if (!row) throw notFound('The user');
    const venueIds = await q.venueIdsOfUser(trx, userId);
    const before = { id: row.id, username: row.username, role: row.role, venueIds, disabled: row.disabledAt !== null };
    const after = {
      ...before,
      role: input.role ?? before.role,
      venueIds: input.venueIds ? [...input.venueIds].sort() : venueIds,
      disabled: input.disabled ?? before.disabled,
    };
    if (after.role === 'coordinator' && after.venueIds.length === 0) {
      throw validationFailed('venueIds', 'A coordinator needs at least one venue to look after.');
    }
    const wasActiveAdmin = before.role === 'admin' && !before.disabled;
    const staysActiveAdmin = after.role === 'admin' && !after.disabled;
    if (wasActiveAdmin && !staysActiveAdmin && !locked.some((u) => u.id !== userId && u.role === 'admin' && u.disabledAt === null)) {
      throw lastAdmin();
    }

    const roleChanged = after.role !== before.role;
    const venuesChanged = after.venueIds.join() !== before.venueIds.join();
    const disabling = after.disabled && !before.disabled;
    if (roleChanged || after.disabled !== before.disabled || passwordHash !== undefined) {
      await q.updateUserRow(trx, userId, {
        ...(roleChanged ? { role: after.role } : {}),
        ...(after.disabled !== before.disabled ? { disabled: after.disabled } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      });
    }
    if (venuesChanged) await q.replaceVenues(trx, userId, after.venueIds);

    let sessionsEnded = 0;
    if (disabling || passwordHash !== undefined) {
      const revoked = await revokeUserSessions(trx, userId);
      sessionsEnded = revoked.length;
      for (const sessionId of revoked) emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
    // Closes every socket of the user: disabled, or reconnecting with the new role and venues.
    if (disabling || roleChanged || venuesChanged) emit({ topic: SYSTEM_TOPIC, type: 'user.disabled', data: { userId } });
    await audit(admin, ...userChanged(before, after, passwordHash !== undefined, sessionsEnded));
    return { ...after, createdAt: row.createdAt.toISOString() };
  });
}
