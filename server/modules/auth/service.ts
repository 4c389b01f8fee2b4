/**
 * Sign-in with server-side sessions: the cookie holds a random token, the database its hash and expiry.
 * Every login starts a new session and ends the one the browser held (no fixation); logout revokes it;
 * sessions lapse after a week, or sooner when unused (expiry.ts). Attempts are rate-limited per address and
 * per username across every process, and a missing user costs the same hashing time as a wrong password.
 *
 * Every limit counts the attempt FIRST and checks the password only when the count allows it
 * (shared-rate-limiter.ts): a burst of parallel guesses gets at most `limit` passwords checked, whatever the
 * number of requests or processes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import * as q from './queries.ts';
import { hashSecret, newSessionToken } from './tokens.ts';
import type { ChangePasswordInput, LoginInput, UserDto } from './schemas.ts';
import type { UserPrincipal } from './principal.ts';
import { SESSION_MAX_AGE_MS } from './expiry.ts';

export interface LoginLimits {
  /** Every sign-in attempt from one address. */
  byAddress: SharedRateLimiter;
  /** Sign-in attempts for one username that did not succeed. */
  byUsername: SharedRateLimiter;
  /** Current passwords tried on a password change by one user that were wrong. */
  passwordByUser: SharedRateLimiter;
  /** Every password-change attempt from one address (one address holding several stolen sessions). */
  passwordByAddress: SharedRateLimiter;
}

const rateLimited = (seconds: number) =>
  new AppError('rate_limited', `Too many sign-in attempts; please wait ${seconds} seconds and try again.`, { retryAfter: seconds });
const passwordRateLimited = (seconds: number) =>
  new AppError('rate_limited', `Too many wrong passwords; please wait ${seconds} seconds and try again.`, { retryAfter: seconds });

export async function login(
  db: Kysely<DB>,
  limits: LoginLimits,
  input: LoginInput,
  address: string,
  /** The session cookie the browser still sent, if any: replaced by the new one (rotation on sign-in). */
  previousToken?: string,
): Promise<{ user: UserDto; token: string; expiresAt: Date }> {
  const usernameKey = input.username.trim().toLowerCase();
  // Count first, then check the password. The address counter is checked first so that an address over its
  // limit does not also use up the username's tries (and so lock its owner out) with attempts never checked.
  const addressWait = await limits.byAddress.hit(address);
  if (addressWait) throw rateLimited(addressWait);
  const counted = await limits.byUsername.attempt(usernameKey);
  if (counted.wait) throw rateLimited(counted.wait);

  const user = await q.findUserForLogin(db, input.username.trim());
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabledAt) throw new AppError('unauthenticated', 'The username or password is not right.');
  // A right password gives its own attempt back (not a reset): the username limit counts failures only, so
  // someone who signs in correctly eleven times in ten minutes is never refused, while a guesser's failures
  // stay counted even when the real user signs in in between (a reset would hand the guesser ten more).
  await limits.byUsername.refund(usernameKey, counted);
  const token = newSessionToken();
  const session = await write(db, async ({ trx, emit }) => {
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
  await write(db, async ({ trx, emit }) => {
    await q.revokeSession(trx, sessionId);
    emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
  });
}

/**
 * Changes the signed-in user's password after checking the current one (rate-limited like login, per user),
 * and signs out every other session of the user; the current one stays.
 */
export async function changePassword(
  db: Kysely<DB>,
  limits: LoginLimits,
  user: UserPrincipal,
  input: ChangePasswordInput,
  address: string,
): Promise<void> {
  // Count first (per address, then per user), then check the current password: a stolen session firing a
  // burst of guesses gets at most the limit checked, and a right guess past the limit changes nothing.
  const addressWait = await limits.passwordByAddress.hit(address);
  if (addressWait) throw passwordRateLimited(addressWait);
  const counted = await limits.passwordByUser.attempt(user.userId);
  if (counted.wait) throw passwordRateLimited(counted.wait);
  const stored = await q.findPasswordHash(db, user.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw validationFailed('currentPassword', 'The current password is not right.');
  }
  // Right: this attempt is given back, so the limit counts wrong current passwords only (as sign-in does).
  await limits.passwordByUser.refund(user.userId, counted);
  const passwordHash = await hashPassword(input.newPassword);
  await write(db, async ({ trx, emit }) => {
    await q.updatePasswordHash(trx, user.userId, passwordHash);
    for (const sessionId of await q.revokeUserSessions(trx, user.userId, user.sessionId)) {
      emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
  });
}

/** Ends every session of the user, the current one included; their sockets close on every process. */
export async function logoutEverywhere(db: Kysely<DB>, userId: string): Promise<void> {
  await write(db, async ({ trx, emit }) => {
    for (const sessionId of await q.revokeUserSessions(trx, userId)) {
      emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
  });
}
