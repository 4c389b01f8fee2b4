/**
 * How hard pairing codes are to guess (docs/security.md "Abuse limits"). A code is 8 random digits (10^8 values), valid for
 * 10 minutes and single-use, so guessing is only brute force. Two limits, both counted in the database before
 * the code is looked at (count first, then check: shared-rate-limiter.ts):
 *
 * - per address: 20 attempts per 10 minutes, so one machine cannot try much;
 * - for the whole site: 200 unsuccessful attempts per hour, whatever the number of addresses (an IPv6 block
 *   gives an attacker as many as they like). Past it pairing is paused for everybody until the hour's window
 *   ends, and admins see why on the devices page and may resume early (audited).
 *
 * The arithmetic: a code lives 10 minutes, which overlaps at most two hourly windows, so at most 2 × 200 = 400
 * guesses can be tried during its life: a chance of at most 400 / 10^8 = 1 in 250,000 per pending code (with
 * ten codes pending at once, 1 in 25,000), and each try beyond that needs an admin to resume pairing.
 *
 * Paused means paused: a real new kiosk with a right code is refused too (its code is never looked at), with a
 * message saying until when and to ask an admin; its code stays valid for its 10 minutes, so once an admin
 * resumes, the kiosk simply tries again.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';
import { write } from '../../realtime/write.ts';
import type { AuditEntryInput } from '../audit/record.ts';
import { requireUser, type Principal } from '../auth/principal.ts';
import { normalisePairingCode } from '../auth/tokens.ts';
import * as q from './queries.ts';
import type { PairingStatusDto } from './schemas.ts';
import { pairDevice } from './service.ts';

export const PAIRING_ATTEMPTS_PER_ADDRESS = 20;
export const PAIRING_ADDRESS_WINDOW_MS = 10 * 60 * 1000;
export const PAIRING_FAILURES_PER_HOUR = 200;
export const PAIRING_SITE_WINDOW_MS = 60 * 60 * 1000;
/** The one site-wide counter's key (in rate_limits as `pairing-site:all`). */
const SITE = 'all';

export interface PairingLimits {
  byAddress: SharedRateLimiter;
  /** Unsuccessful pairing attempts of the whole site per hour (a success gives its attempt back). */
  site: SharedRateLimiter;
}

/** "14:05" in the site's time zone, for the people reading the message. */
function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

function pausedError(until: Date, wait: number, timeZone: string): AppError {
  const time = clockTime(until, timeZone);
  return new AppError(
    'rate_limited',
    `Pairing is paused for the whole site until ${time} after too many wrong pairing codes. Ask an administrator: they can see why and resume it on the devices page.`,
    {
      retryAfter: wait,
      pausedUntil: until.toISOString(),
      messageZh: `配对码错误次数过多，全站设备配对已暂停，${time} 后恢复。请联系管理员：管理员可在“设备”页面查看原因并提前恢复。`,
    },
  );
}

function pairingPaused(count: number, limit: number, since: Date, until: Date): AuditEntryInput {
  return {
    action: 'device.pairing_paused',
    entity: { kind: 'device', id: null, label: 'pairing' },
    details: { failedAttempts: count, limit, since: since.toISOString(), until: until.toISOString() },
  };
}

/**
 * Pairs a device with its code under both limits. The order matters: the address is counted first (an address
 * over its limit does not use up the site's attempts), then a code that cannot be one (not 8 digits) is refused
 * without counting for the site, then the site-wide attempt is counted, and only then is the code looked at.
 */
export async function pairWithLimits(
  db: Kysely<DB>,
  limits: PairingLimits,
  pairingCode: string,
  address: string,
  timeZone: string,
  log: { warn: (details: object, message: string) => void },
) {
  const addressWait = await limits.byAddress.hit(address);
  if (addressWait) throw new AppError('rate_limited', `Too many pairing attempts; please wait ${addressWait} seconds.`, { retryAfter: addressWait });
  if (!/^\d{8}$/.test(normalisePairingCode(pairingCode))) return pairDevice(db, pairingCode);

  const counted = await limits.site.attempt(SITE);
  if (counted.wait) {
    // Exactly one attempt sees the count just past the ceiling (the upsert is atomic): it records the pause.
    if (counted.count === limits.site.limit + 1) {
      log.warn({ failedAttempts: counted.count, pausedUntil: counted.windowEnd }, 'pairing paused: too many wrong pairing codes');
      await write(db, ({ audit }) => audit(null, pairingPaused(counted.count, limits.site.limit, counted.windowStart, counted.windowEnd)));
    }
    throw pausedError(counted.windowEnd, counted.wait, timeZone);
  }
  const paired = await pairDevice(db, pairingCode);
  // A real pairing is not a failure: only wrong codes use up the site's hour.
  await limits.site.refund(SITE, counted);
  return paired;
}

async function statusOf(db: Kysely<DB>, limits: PairingLimits, canResume: boolean): Promise<PairingStatusDto> {
  const state = await limits.site.state(SITE);
  const limit = limits.site.limit;
  if (!state) return { paused: false, failedAttempts: 0, limit, since: null, pausedAt: null, pausedUntil: null, canResume };
  const paused = state.count > limit;
  const pausedAt = paused ? await q.lastPairingPause(db, state.windowStart) : null;
  return {
    paused,
    failedAttempts: state.count,
    limit,
    since: state.windowStart.toISOString(),
    pausedAt: pausedAt ? pausedAt.toISOString() : null,
    pausedUntil: paused ? state.windowEnd.toISOString() : null,
    canResume,
  };
}

/** Whether pairing is paused, since when and until when, and how many codes were wrong this hour (staff). */
export async function pairingStatus(db: Kysely<DB>, limits: PairingLimits, principal: Principal | null): Promise<PairingStatusDto> {
  const user = requireUser(principal);
  return statusOf(db, limits, user.role === 'admin');
}

/**
 * An admin resumes pairing before the hour is over (say, the guessing address is blocked at the firewall, or a
 * venue needs its kiosk now). The hour's count starts again from zero, so this gives guessers another 200
 * tries: it is recorded in the audit log with the count it wiped.
 */
export async function resumePairing(db: Kysely<DB>, limits: PairingLimits, principal: Principal | null): Promise<PairingStatusDto> {
  const admin = requireUser(principal);
  const before = await statusOf(db, limits, true);
  if (!before.paused) throw new AppError('conflict', 'Pairing is not paused; there is nothing to resume.', { messageZh: '设备配对没有暂停，无需恢复。' });
  await write(db, async ({ trx, audit }) => {
    await limits.site.reset(SITE, trx);
    await audit(admin, {
      action: 'device.pairing_resumed',
      entity: { kind: 'device', id: null, label: 'pairing' },
      details: { failedAttempts: before.failedAttempts, limit: before.limit, since: before.since, until: before.pausedUntil },
    });
  });
  return statusOf(db, limits, true);
}
