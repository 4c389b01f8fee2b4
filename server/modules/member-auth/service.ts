/**
 * Members' PINs and sign-in for the phone pages (docs/security.md "Member PINs").
 *
 * The desk issues a PIN after seeing the person: six random digits, shown once, stored hashed like staff
 * passwords; a new one replaces the old, ends every session of the member (their sockets close on every
 * process) and clears the member number's failure counters, so that a member locked out by someone guessing
 * gets a fresh start at the desk. Issuing is audited, never with the PIN.
 *
 * Sign-in counts first and checks after, like staff sign-in (auth/service.ts; shared-rate-limiter.ts): every
 * attempt per address, and wrong ones per member number by ten minutes and by the day. The daily limit is
 * the member's own: six digits are a million candidates, which ten guesses every ten minutes (1,440 a day)
 * would walk through in under two years; at thirty a day it takes ninety. Unknown numbers, members without a
 * PIN, removed members and wrong PINs get one answer, after the same hashing time.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { requireUser, type Principal } from '../auth/principal.ts';
import { hashSecret, newSessionToken } from '../auth/tokens.ts';
import { MEMBER_SESSION_MAX_AGE_MS } from './expiry.ts';
import { memberNoKey, newPin } from './pin.ts';
import * as q from './queries.ts';
import type { MemberLoginInput, SignedInMemberDto } from './schemas.ts';

export interface MemberLoginLimits {
  /** Every member sign-in attempt from one address. */
  byAddress: SharedRateLimiter;
  /** Wrong attempts for one member number, per ten minutes. */
  byMemberNo: SharedRateLimiter;
  /** Wrong attempts for one member number, per day. */
  byMemberNoDaily: SharedRateLimiter;
}

/** What the audit log shows for a PIN: that there is one, never which. */
const PIN_SHOWN_AS = '••••••';

function waitWords(seconds: number): { en: string; zh: string } {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 90) return { en: `${minutes} minute${minutes === 1 ? '' : 's'}`, zh: `${minutes} 分钟` };
  const hours = Math.ceil(minutes / 60);
  return { en: `${hours} hours`, zh: `${hours} 小时` };
}

const rateLimited = (seconds: number) => {
  const wait = waitWords(seconds);
  return new AppError('rate_limited', `Too many sign-in attempts; please try again in ${wait.en}, or ask the desk for a new PIN.`, {
    retryAfter: seconds,
    messageZh: `尝试次数太多，请 ${wait.zh}后再试，或到服务台重新领取报名密码。`,
  });
};

const wrongNumberOrPin = () =>
  new AppError('unauthenticated', 'The member number or PIN is not right; check them, or ask the desk for a new PIN.', {
    messageZh: '会员编号或报名密码不对。请核对后再试；忘记密码请到服务台重新领取。',
  });

/**
 * A new PIN for the member: replaces the old one, ends their sessions, clears their number's failure
 * counters. Returns the PIN, the only time it exists outside the member's hands.
 */
export async function issuePin(db: Kysely<DB>, limits: MemberLoginLimits, principal: Principal | null, memberId: string): Promise<string> {
  const user = requireUser(principal);
  const pin = newPin();
  // Hashed before the write: scrypt takes tens of milliseconds, which the member's row lock need not wait for.
  const pinHash = await hashPassword(pin);
  await write(db, async ({ trx, emit, audit }) => {
    const member = await q.lockCurrentMember(trx, memberId);
    if (!member) {
      throw new AppError('not_found', 'The member was not found; they may have been removed.', { messageZh: '找不到这位会员，可能已被删除。' });
    }
    if (member.memberNo === null) {
      throw new AppError('conflict', 'This member has no member number yet; give them one first, as they sign in with it and the PIN.', {
        field: 'memberNo',
        messageZh: '这位会员还没有会员编号。会员凭会员编号和报名密码登录，请先为其填写会员编号。',
      });
    }
    const hadPin = await q.upsertPin(trx, { memberId, pinHash, setBy: user.userId });
    const ended = await q.deleteMemberSessions(trx, memberId);
    for (const sessionId of ended) emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    const key = memberNoKey(member.memberNo);
    await limits.byMemberNo.reset(key, trx);
    await limits.byMemberNoDaily.reset(key, trx);
    await audit(user, {
      action: 'member.pin_issued',
      entity: { kind: 'member', id: member.id, label: member.name },
      changes: { pin: { from: hadPin ? PIN_SHOWN_AS : null, to: PIN_SHOWN_AS } },
      details: { sessionsEnded: ended.length },
    });
  });
  return pin;
}

export async function login(
  db: Kysely<DB>,
  limits: MemberLoginLimits,
  input: MemberLoginInput,
  address: string,
  /** The member cookie the browser still sent, if any: replaced by the new one (no fixation). */
  previousToken?: string,
): Promise<{ member: SignedInMemberDto; token: string; expiresAt: Date }> {
  const memberNo = input.memberNo.trim();
  const key = memberNoKey(memberNo);
  // Count first, then check (shared-rate-limiter.ts). The address first, so that an address over its limit
  // does not also use up a member number's tries (locking its owner out) with attempts never checked.
  const addressWait = await limits.byAddress.hit(address);
  if (addressWait) throw rateLimited(addressWait);
  const counted = await limits.byMemberNo.attempt(key);
  if (counted.wait) throw rateLimited(counted.wait);
  const countedToday = await limits.byMemberNoDaily.attempt(key);
  if (countedToday.wait) throw rateLimited(countedToday.wait);

  const member = await q.findMemberForLogin(db, memberNo);
  const valid = await verifyPassword(input.pin, member?.pinHash ?? (await dummyPasswordHash()));
  if (!member || member.pinHash === null || !valid) throw wrongNumberOrPin();
  // A right PIN gives its attempts back: the member-number limits count wrong PINs only.
  await limits.byMemberNo.refund(key, counted);
  await limits.byMemberNoDaily.refund(key, countedToday);

  const token = newSessionToken();
  const session = await write(db, async ({ trx, emit }) => {
    if (previousToken) {
      for (const sessionId of await q.deleteMemberSessionByToken(trx, hashSecret(previousToken))) {
        emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
      }
    }
    return q.insertMemberSession(trx, {
      memberId: member.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + MEMBER_SESSION_MAX_AGE_MS),
    });
  });
  return { member: { id: member.id, name: member.name }, token, expiresAt: session.expiresAt };
}

/** Ends the session of this cookie, if it is live; its sockets close on every process. */
export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await write(db, async ({ trx, emit }) => {
    for (const sessionId of await q.deleteMemberSessionByToken(trx, hashSecret(token))) {
      emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    }
  });
}
