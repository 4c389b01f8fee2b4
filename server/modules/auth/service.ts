/**
 * Sign-in with server-side sessions: the cookie holds a random token, the database its hash and expiry.
 * Every login starts a new session and ends the one the browser held (no fixation); logout revokes it;
 * sessions lapse after a week, or sooner when unused (expiry.ts). Attempts are rate-limited per address and
 * per username across every process, and a missing user costs the same hashing time as a wrong password.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { writeTransaction } from '../../realtime/outbox.ts';
import { SYSTEM_TOPIC } from '../../realtime/system-events.ts';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import * as q from './queries.ts';
import { hashSecret, newSessionToken } from './tokens.ts';
import type { ChangePasswordInput, LoginInput, UserDto } from './schemas.ts';
import type { UserPrincipal } from './principal.ts';
import { SESSION_MAX_AGE_MS } from './expiry.ts';

export interface LoginLimits {
  byAddress: SharedRateLimiter;
  byUsername: SharedRateLimiter;
}

const rateLimited = (seconds: number) =>
  new AppError('rate_limited', `Too many sign-in attempts; please wait ${seconds} seconds and try again.`, { retryAfter: seconds });

export async function login(
  db: Kysely<DB>,
  limits: LoginLimits,
  input: LoginInput,
  address: string,
  /** The session cookie the browser still sent, if any: replaced by the new one (rotation on sign-in). */
  previousToken?: string,
): Promise<{ user: UserDto; token: string; expiresAt: Date }> {
  const usernameKey = input.username.trim().toLowerCase();
  const wait = (await limits.byAddress.hit(address)) || (await limits.byUsername.blockedFor(usernameKey));
  if (wait) throw rateLimited(wait);

  const user = await q.findUserForLogin(db, input.username.trim());
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabledAt) {
    const usernameWait = await limits.byUsername.hit(usernameKey);
    if (usernameWait) throw rateLimited(usernameWait);
    throw new AppError('unauthenticated', 'The username or password is not right.');
  }
  await limits.byUsername.reset(usernameKey);
  const token = newSessionToken();
  const session = await writeTransaction(db, async (trx, emit) => {
    // A new session every time (no fixation); the one this browser held before ends with it.
    if (previousToken) {
      for (const sessionId of await q.revokeSessionByToken(trx, hashSecret(previousToken))) {
        emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
      }
    }
    return q.insertSession(trx, { userId: user.id, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + SESSION_MAX_AGE_MS) });
  });
  return {
    user: { id: user.id, username: user.username, role: user.role, venueIds: user.venueIds },
    token,
    expiresAt: session.expiresAt,
  };
}

/** Ends the session; its open sockets, on whichever process, are closed through a system event. */
export async function logout(db: Kysely<DB>, sessionId: string): Promise<void> {
  await writeTransaction(db, async (trx, emit) => {
    await q.revokeSession(trx, sessionId);
    emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
  });
}

/**
 * Changes the signed-in user's password after checking the current one (rate-limited like login, per user),
 * and signs out every other session of the user; the current one stays.
 */
export async function changePassword(db: Kysely<DB>, limits: LoginLimits, user: UserPrincipal, input: ChangePasswordInput): Promise<void> {
  const key = `password:${user.userId}`;
  const wait = await limits.byUsername.blockedFor(key);
  if (wait) throw new AppError('rate_limited', `Too many wrong passwords; please wait ${wait} seconds and try again.`, { retryAfter: wait });
  const stored = await q.findPasswordHash(db, user.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    const keyWait = await limits.byUsername.hit(key);
    if (keyWait) throw new AppError('rate_limited', `Too many wrong passwords; please wait ${keyWait} seconds and try again.`, { retryAfter: keyWait });
    throw validationFailed('currentPassword', 'The current password is not right.');
  }
  await limits.byUsername.reset(key);
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(db, async (trx, emit) => {
    await q.updatePasswordHash(trx, user.userId, passwordHash);
    for (const sessionId of await q.revokeUserSessions(trx, user.userId, user.sessionId)) {
      emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
  });
}

/** Ends every session of the user, the current one included; their sockets close on every process. */
export async function logoutEverywhere(db: Kysely<DB>, userId: string): Promise<void> {
  await writeTransaction(db, async (trx, emit) => {
    for (const sessionId of await q.revokeUserSessions(trx, userId)) {
      emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
  });
}
