import { describe, expect, it } from 'vitest';
import type { Device } from '../lib/types.ts';
import {
  IDLE_REFRESH_MS,
  MAX_REFRESH_MS,
  WAITING_REFRESH_MS,
  anyWaiting,
  deviceAppUrl,
  formatCountdown,
  pairedFromList,
  pairingExpiry,
  pairingLink,
  pairingStatusAt,
  refreshDelay,
  secondsLeft,
  type PairingStatus,
} from './pairing.ts';

const device = { id: 'd1', kind: 'display' as const, venueId: 'v 1', name: '大厅屏' };

describe('pairing panel', () => {
  it('uses the server expiry when given, else ten minutes after issue', () => {
    const issued = new Date('2026-12-01T01:00:00Z');
    expect(pairingExpiry({ device: { ...device, pairingExpiresAt: '2026-12-01T01:05:00Z' }, pairingCode: '1' }, issued).toISOString()).toBe(
      '2026-12-01T01:05:00.000Z',
    );
    expect(pairingExpiry({ device, pairingCode: '1' }, issued).toISOString()).toBe('2026-12-01T01:10:00.000Z');
    expect(pairingExpiry({ device: { ...device, pairingExpiresAt: 'junk' }, pairingCode: '1' }, issued).toISOString()).toBe(
      '2026-12-01T01:10:00.000Z',
    );
  });

  it('points kiosks to /kiosk/ and displays to their venue', () => {
    expect(deviceAppUrl('http://h:3000', { kind: 'kiosk', venueId: 'v' })).toBe('http://h:3000/kiosk/');
    expect(deviceAppUrl('http://h:3000', device)).toBe('http://h:3000/display/?venue=v%201');
  });

  it('puts the code in the fragment of the link, for the QR code', () => {
    expect(pairingLink('http://h:3000', { kind: 'kiosk', venueId: 'v' }, '12345678')).toBe('http://h:3000/kiosk/#pair=12345678');
    expect(pairingLink('http://h:3000', device, '12345678')).toBe('http://h:3000/display/?venue=v%201#pair=12345678');
  });

  it('counts down in whole seconds', () => {
    const end = new Date('2026-12-01T01:10:00Z');
    expect(secondsLeft(end, new Date('2026-12-01T01:00:00.500Z'))).toBe(600);
    expect(secondsLeft(end, new Date('2026-12-01T01:11:00Z'))).toBe(0);
    expect(formatCountdown(600)).toBe('10:00');
    expect(formatCountdown(65)).toBe('1:05');
  });

  it('shows a site-wide pairing pause until its end, and not after', () => {
    const paused: PairingStatus = {
      paused: true,
      failedAttempts: 240,
      limit: 200,
      since: '2026-12-01T01:00:00Z',
      pausedAt: '2026-12-01T01:20:00Z',
      pausedUntil: '2026-12-01T02:00:00Z',
      canResume: true,
    };
    expect(pairingStatusAt(paused, new Date('2026-12-01T01:59:59Z'))).toBe(paused);
    expect(pairingStatusAt(paused, new Date('2026-12-01T02:00:00Z'))).toMatchObject({ paused: false, failedAttempts: 0, pausedUntil: null, canResume: true });
    const quiet: PairingStatus = { ...paused, paused: false, pausedAt: null, pausedUntil: null, failedAttempts: 3 };
    expect(pairingStatusAt(quiet, new Date('2026-12-01T03:00:00Z'))).toBe(quiet);
  });
});

describe('reading the device list while a code is out (no live event for devices)', () => {
  it('asks every few seconds while a device waits, rarely otherwise', () => {
    expect(refreshDelay(true, 0)).toBe(WAITING_REFRESH_MS);
    expect(refreshDelay(false, 0)).toBe(IDLE_REFRESH_MS);
    expect(WAITING_REFRESH_MS).toBeLessThanOrEqual(5_000);
  });

  it('backs off on errors in a row, up to a ceiling', () => {
    expect(refreshDelay(true, 1)).toBe(2 * WAITING_REFRESH_MS);
    expect(refreshDelay(true, 3)).toBe(8 * WAITING_REFRESH_MS);
    expect(refreshDelay(true, 50)).toBe(MAX_REFRESH_MS);
    expect(refreshDelay(false, 50)).toBe(MAX_REFRESH_MS);
  });

  it('waits only for devices awaiting pairing', () => {
    expect(anyWaiting([{ status: 'paired' }, { status: 'awaiting_pairing' }])).toBe(true);
    expect(anyWaiting([{ status: 'paired' }, { status: 'pairing_expired' }, { status: 'revoked' }])).toBe(false);
    expect(anyWaiting([])).toBe(false);
  });

  it('finds the shown device once the list says it has paired', () => {
    const base = { kind: 'kiosk', venueId: 'v', name: '大厅签到机' } as const;
    const waitingOne = { ...base, id: 'a', status: 'awaiting_pairing' } as Device;
    const pairedOne = { ...base, id: 'a', status: 'paired' } as Device;
    expect(pairedFromList([waitingOne], 'a')).toBeNull();
    expect(pairedFromList([pairedOne], 'a')).toBe(pairedOne);
    expect(pairedFromList([pairedOne], 'b')).toBeNull();
  });
});
