/** A paired device's token, kept in localStorage under one key per app. */

export type DeviceApp = 'kiosk' | 'display';

export const tokenKey = (app: DeviceApp): string => `centre-ops.${app}.token`;

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(given?: TokenStorage): TokenStorage | null {
  if (given) return given;
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDeviceToken(app: DeviceApp, store?: TokenStorage): string | null {
  const token = storage(store)?.getItem(tokenKey(app)) ?? null;
  return token && token.trim() ? token : null;
}

export function saveDeviceToken(app: DeviceApp, token: string, store?: TokenStorage): void {
  storage(store)?.setItem(tokenKey(app), token);
}

export function clearDeviceToken(app: DeviceApp, store?: TokenStorage): void {
  storage(store)?.removeItem(tokenKey(app));
}
