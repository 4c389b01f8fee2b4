/** What the pairing panel shows after `POST /api/devices`: the code, until when it works, and where to enter it. */
import type { Device } from '../lib/types.ts';
import type { PairingStatusDto } from '../../server/modules/devices/schemas.ts';

/** A pairing code is single-use and expires after 10 minutes (docs/api.md, "Devices"). */
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

export interface CreatedDevice {
  /** `device.pairingExpiresAt` says when the code expires; without it, issue time + 10 minutes. */
  device: Device;
  pairingCode: string;
}

export function pairingExpiry(answer: CreatedDevice, issuedAt: Date): Date {
  const given = answer.device.pairingExpiresAt;
  const parsed = given ? new Date(given) : null;
  if (parsed && !Number.isNaN(parsed.getTime())) return parsed;
  return new Date(issuedAt.getTime() + PAIRING_CODE_TTL_MS);
}

/** The page to open on the device: the kiosk app, or the display app on its venue. */
export function deviceAppUrl(origin: string, device: Pick<Device, 'kind' | 'venueId'>): string {
  return device.kind === 'kiosk'
    ? `${origin}/kiosk/`
    : `${origin}/display/?venue=${encodeURIComponent(device.venueId)}`;
}

/** What the QR code holds: the device's page with the code in its fragment, so opening it pairs at once. */
export function pairingLink(origin: string, device: Pick<Device, 'kind' | 'venueId'>, code: string): string {
  return `${deviceAppUrl(origin, device)}#pair=${encodeURIComponent(code)}`;
}

/** Whole seconds left, never below zero. */
export function secondsLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** `GET /api/devices/pairing-status` (docs/api.md, "Devices"): the site-wide pause after too many wrong codes. */
export type PairingStatus = PairingStatusDto;

export function pairingStatusAt(status: PairingStatus, now: Date): PairingStatus {
  if (!status.paused || !status.pausedUntil || Date.parse(status.pausedUntil) > now.getTime()) return status;
  return { ...status, paused: false, failedAttempts: 0, since: null, pausedAt: null, pausedUntil: null };
}

/**
 * How long the devices page waits before reading the list again. The server emits no live event when a device
 * pairs (devices are not part of a venue's live feed), so while a code is out the page asks every few seconds to
 * show "已配对" soon after it happens; otherwise it asks rarely (presence, devices added elsewhere). Each failure
 * in a row doubles the wait, up to a ceiling, so a server in trouble is not hammered.
 */
export const WAITING_REFRESH_MS = 3_000;
export const IDLE_REFRESH_MS = 20_000;
export const MAX_REFRESH_MS = 120_000;

export function refreshDelay(waiting: boolean, failuresInARow: number): number {
  const base = waiting ? WAITING_REFRESH_MS : IDLE_REFRESH_MS;
  return Math.min(MAX_REFRESH_MS, base * 2 ** Math.min(failuresInARow, 10));
}

/** A device of this list still waits for its code to be typed (or scanned). */
export function anyWaiting(devices: readonly Pick<Device, 'status'>[]): boolean {
  return devices.some((d) => d.status === 'awaiting_pairing');
}

/** The device a shown code was for, once the list says it has paired (else null). */
export function pairedFromList(devices: readonly Device[], id: string): Device | null {
  const found = devices.find((d) => d.id === id);
  return found && found.status === 'paired' ? found : null;
}
