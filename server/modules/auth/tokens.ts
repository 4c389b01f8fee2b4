/**
 * Secrets handed to browsers and devices: random, shown once, stored only as a sha256 hash, so a copy of
 * the database opens no session and pairs no device.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const newDeviceToken = (): string => `dev_${randomBytes(32).toString('base64url')}`;

/** 8 digits: easy to type on a tablet's number pad; single-use, expires in 10 minutes, rate-limited. */
export function newPairingCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** Staff may read a code out as "1234 5678" or "1234-5678". */
export function normalisePairingCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
