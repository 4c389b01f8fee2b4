/**
 * Paired devices by token, remembered for a short while so that a busy kiosk's requests do not each cost a
 * database round trip to look the token up (the check-in benchmark: every round trip costs the server a
 * socket write, and the lookup was one of a few per check-in).
 *
 * Revocation stays immediate where it matters: a `device.revoked` system event (every process gets it from
 * the outbox within milliseconds) forgets the device here and closes its sockets; the check-in itself checks
 * the device inside its statement (checkin_record); and an entry lives at most TTL_MS, which bounds what a
 * process that missed the event could still let a revoked display read.
 */
import type { Principal } from '../modules/auth/principal.ts';

type DevicePrincipal = Extract<Principal, { kind: 'device' }>;

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

export class DeviceCache {
  readonly #byToken = new Map<string, { principal: DevicePrincipal; until: number }>();

  get(tokenHash: string, now = Date.now()): DevicePrincipal | null {
    const entry = this.#byToken.get(tokenHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.#byToken.delete(tokenHash);
      return null;
    }
    return entry.principal;
  }

  set(tokenHash: string, principal: DevicePrincipal, now = Date.now()): void {
    // Bounded: past the limit, start afresh (each device then costs one more lookup).
    if (this.#byToken.size >= MAX_ENTRIES) this.#byToken.clear();
    this.#byToken.set(tokenHash, { principal, until: now + TTL_MS });
  }

  forgetDevice(deviceId: string): void {
    for (const [hash, entry] of this.#byToken) if (entry.principal.deviceId === deviceId) this.#byToken.delete(hash);
  }

  clear(): void {
    this.#byToken.clear();
  }
}
