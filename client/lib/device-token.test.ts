import { describe, expect, it } from 'vitest';
import { clearDeviceToken, loadDeviceToken, saveDeviceToken, tokenKey } from './device-token.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe('device token', () => {
  it('keeps one token per app', () => {
    const store = memoryStorage();
    expect(tokenKey('kiosk')).toBe('centre-ops.kiosk.token');
    expect(tokenKey('display')).toBe('centre-ops.display.token');
    saveDeviceToken('kiosk', 'k-token', store);
    expect(loadDeviceToken('kiosk', store)).toBe('k-token');
    expect(loadDeviceToken('display', store)).toBeNull();
    clearDeviceToken('kiosk', store);
    expect(loadDeviceToken('kiosk', store)).toBeNull();
  });

  it('treats a blank token as none, and works without storage', () => {
    const store = memoryStorage();
    store.setItem(tokenKey('display'), '  ');
    expect(loadDeviceToken('display', store)).toBeNull();
    expect(loadDeviceToken('kiosk')).toBeNull();
  });
});
