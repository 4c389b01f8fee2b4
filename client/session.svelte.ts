/**
 * Who is signed in to the coordinator app, and the one live connection that belongs to that session.
 * The socket authenticates with the session cookie, so it is opened after login and closed at logout.
 */
import { api, ApiError } from './lib/api.ts';
import { takeEarlyMe } from './early-requests.ts';
import { checkMe } from './lib/check-me.ts';
import { isUnauthenticated } from './lib/error-text.ts';
import { LiveConnection } from './lib/live.svelte.ts';
import { hasSessionHint, setSessionHint } from './lib/session-hint.ts';
import type { MeAnswer, User } from './lib/types.ts';

export type SessionStatus = 'loading' | 'anonymous' | 'signed-in' | 'error';

export class Session {
  status = $state<SessionStatus>('loading');
  user = $state<User | null>(null);
  live = $state<LiveConnection | null>(null);
  /** Why the user was sent back to the login page (session ended elsewhere). */
  endedNotice = $state(false);
  error = $state<unknown>(null);

  /** Ask the server who we are (`GET /api/auth/me`), unless this browser never signed in. */
  async check(): Promise<void> {
    if (!hasSessionHint()) {
      this.#signedOut();
      return;
    }
    try {
      const me = await (takeEarlyMe() ?? api.get<MeAnswer>('/api/auth/me'));
      if (me.user) this.#signedIn(me.user);
      else this.#signedOut();
    } catch (error) {
      if (isUnauthenticated(error)) this.#signedOut();
      else {
        this.error = error;
        this.status = 'error';
      }
    }
  }

  /** Throws the server's ApiError (401 wrong pair, 429 too many tries) for the login form to show. */
  async login(username: string, password: string): Promise<void> {
    await api.post<{ user: User }>('/api/auth/login', { username, password });
    setSessionHint(true);
    this.endedNotice = false;
    await this.check();
  }

  async logout(): Promise<void> {
    // Close the socket first: the server closes it anyway, and we need not ask why.
    this.live?.close();
    this.live = null;
    try {
      await api.post('/api/auth/logout');
    } catch (error) {
      // Already signed out on the server is fine; anything else still ends the session here.
      if (!(error instanceof ApiError)) this.error = error;
    }
    this.#signedOut();
  }

  /** `POST /api/auth/password`: throws the server's ApiError; other sessions end, this one stays. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await api.post('/api/auth/password', { currentPassword, newPassword });
  }

  /** Ends every session of this user, this one included (`POST /api/auth/logout-all`). */
  async logoutEverywhere(): Promise<void> {
    this.live?.close();
    this.live = null;
    try {
      await api.post('/api/auth/logout-all');
    } catch (error) {
      // Still signed in (network trouble, say): reconnect as before and let the page show the error.
      await this.check();
      throw error;
    }
    this.#signedOut();
  }

  #signedIn(user: User): void {
    setSessionHint(true);
    this.user = user;
    this.error = null;
    this.status = 'signed-in';
    this.live ??= new LiveConnection({
      verify: () => checkMe(null, (me) => !!me.user),
      onUnauthorized: () => {
        // The session ended elsewhere (logout in another tab, expiry): back to the login page, saying why.
        this.endedNotice = true;
        this.#signedOut();
      },
    });
  }

  #signedOut(): void {
    setSessionHint(false);
    this.live?.close();
    this.live = null;
    this.user = null;
    this.status = 'anonymous';
  }
}
