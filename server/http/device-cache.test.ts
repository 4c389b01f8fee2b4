import { describe, expect, it } from 'vitest';
import { DeviceCache } from './device-cache.ts';

const kiosk = (deviceId: string) => ({ kind: 'device' as const, deviceId, deviceKind: 'kiosk' as const, venueId: 'v1', name: '前台' });

describe('DeviceCache', () => {
  it('remembers a device for 30 seconds, then asks again', () => {
    const cache = new DeviceCache();
    cache.set('hash-a', kiosk('d1'), 1_000);
    expect(cache.get('hash-a', 1_000 + 29_999)?.deviceId).toBe('d1');
    expect(cache.get('hash-a', 1_000 + 30_000)).toBeNull();
    expect(cache.get('hash-a', 1_000)).toBeNull();
  });

  it('forgets a revoked device at once, whatever token it used', () => {
    const cache = new DeviceCache();
    cache.set('hash-a', kiosk('d1'));
    cache.set('hash-b', kiosk('d2'));
    cache.forgetDevice('d1');
    expect(cache.get('hash-a')).toBeNull();
    expect(cache.get('hash-b')?.deviceId).toBe('d2');
  });
});
