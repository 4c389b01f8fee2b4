/**
 * A kiosk's or display's identity: its stored token, what `GET /api/auth/me` says about it, pairing, and
 * the live connection that goes with the token. A 401 clears the token and goes back to pairing; a lost
 * network does not (the device keeps its token and tries again).
 */
import { api } from './api.ts';
import { clearDeviceToken, loadDeviceToken, saveDeviceToken, type DeviceApp } from './device-token.ts';
import { checkMe } from './check-me.ts';
import { isUnauthenticated } from './error-text.ts';
import { LiveConnection } from './live.svelte.ts';
import { normalizePairingCode } from './pairing-code.ts';
import { hasSessionHint } from './session-hint.ts';
import { DEFAULT_TIMEZONE, type DeviceMe, type MeAnswer, type User, type Venue } from './types.ts';

export type DeviceStatus = 'loading' | 'pairing' | 'ready' | 'error';

/** Thrown by `pair` when the code belongs to the other kind of device. */
export class WrongDeviceKindError extends Error {
  override readonly name = 'WrongDeviceKindError';
  constructor(readonly kind: string) {
    super(`paired a ${kind}, expected another kind`);
  }
}

const RETRY_MS = 10_000;

export class DeviceSession {
  status = $state<DeviceStatus>('loading');
  device = $state<DeviceMe | null>(null);
  /** A coordinator's session, when a display runs on a signed-in browser instead of a token. */
  user = $state<User | null>(null);
  live = $state<LiveConnection | null>(null);
  error = $state<unknown>(null);
  /**
   * The server stopped accepting this device's token (staff unpaired it): the app may say so instead of
   * showing the pairing screen as if nothing had happened. Cleared by pairing again or `dismissRevoked`.
   */
  revoked = $state(false);
  token: string | null = null;

  readonly #app: DeviceApp;
  readonly #allowCookie: boolean;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(app: DeviceApp, options: { allowCookieSession?: boolean } = {}) {
    this.#app = app;
    this.#allowCookie = options.allowCookieSession ?? false;
  }

  async start(): Promise<void> {
    this.#clearRetry();
    this.token = loadDeviceToken(this.#app);
    if (!this.token && !(this.#allowCookie && hasSessionHint())) {
      this.status = 'pairing';
      return;
    }
    try {
      const me = await api.get<MeAnswer>('/api/auth/me', { token: this.token });
      this.#accept(me);
    } catch (error) {
      if (isUnauthenticated(error)) this.markRevoked();
      else this.#failed(error);
    }
  }

  /** Pair with a code from the administration page. Throws ApiError / NetworkError / WrongDeviceKindError. */
  async pair(code: string): Promise<void> {
    const answer = await api.post<{ token: string; device: DeviceMe }>('/api/devices/pair', {
      pairingCode: normalizePairingCode(code),
    });
    if (answer.device.kind !== this.#app) throw new WrongDeviceKindError(answer.device.kind);
    saveDeviceToken(this.#app, answer.token);
    await this.start();
  }

  /** The server refused the token (told by a request, the socket or `GET /api/auth/me`): unpair, and say why. */
  markRevoked(): void {
    const hadToken = this.token !== null;
    this.unpair();
    if (hadToken) this.revoked = true;
  }

  /** Staff saw the notice and want the pairing screen. */
  dismissRevoked(): void {
    this.revoked = false;
  }

  /** Forget the token (revoked, or a person chose to re-pair) and show pairing. */
  unpair(): void {
    clearDeviceToken(this.#app);
    this.token = null;
    this.live?.close();
    this.live = null;
    this.device = null;
    this.user = null;
    this.status = 'pairing';
  }

  stop(): void {
    this.#clearRetry();
    this.live?.close();
    this.live = null;
  }

  #accept(me: MeAnswer): void {
    const device = this.token ? me.device : null;
    const user = this.token ? null : me.user;
    if (device && device.kind !== this.#app) {
      this.unpair();
      return;
    }
    if (!device && !user) {
      if (this.token) this.unpair();
      else this.status = 'pairing';
      return;
    }
    this.device = device ?? null;
    this.user = user ?? null;
    this.error = null;
    this.revoked = false;
    const token = this.token;
    this.live ??= new LiveConnection({
      token,
      verify: () => checkMe(token, (answer) => (token ? !!answer.device : !!answer.user)),
      // Revoked (or the coordinator's session ended): forget the token and pair again.
      onUnauthorized: () => this.markRevoked(),
    });
    this.status = 'ready';
  }

  #failed(error: unknown): void {
    this.error = error;
    if (this.status !== 'ready') this.status = 'error';
    // Kiosks lose their network: keep the token and try again, without anyone touching the screen.
    this.#retryTimer = setTimeout(() => void this.start(), RETRY_MS);
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }
}

/** The venue a device belongs to, as far as `GET /api/auth/me` told us. */
export function deviceVenue(device: DeviceMe): Venue {
  return device.venue ?? { id: device.venueId, name: '', timezone: DEFAULT_TIMEZONE };
}
