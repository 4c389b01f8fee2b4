/**
 * Who is signed in on the phone pages: the member whose number and PIN were entered (often by a son or
 * daughter, on their own phone), and the live connection that goes with the member's session cookie. The
 * cookie is httpOnly; a hint in localStorage says whether to ask the server at all, so a fresh phone shows the
 * sign-in form without a 401 first (the same reason as client/lib/session-hint.ts, with a key of its own: a
 * staff member's browser is not a member's).
 */
import { ApiError } from '../lib/api.ts';
import { LiveConnection, type AuthCheck } from '../lib/live.svelte.ts';
import type { MessageKey } from '../lib/messages/zh-CN.ts';
import { memberApi, type SignedInMember } from './member-api.ts';

const HINT = 'centre-ops.member-hint';

function hinted(): boolean {
  try {
    return globalThis.localStorage?.getItem(HINT) === '1';
  } catch {
    return false;
  }
}

function setHint(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(HINT, '1');
    else globalThis.localStorage?.removeItem(HINT);
  } catch {
    // No storage (private mode): the page still works, it only asks the server each time.
  }
}

export type MemberStatus = 'loading' | 'signedOut' | 'ready' | 'error';

export class MemberSession {
  status = $state<MemberStatus>('loading');
  member = $state.raw<SignedInMember | null>(null);
  live = $state.raw<LiveConnection | null>(null);
  error = $state<unknown>(null);
  /** Said on the sign-in form when the session ended by itself. */
  notice = $state<MessageKey | null>(null);

  async start(): Promise<void> {
    if (!hinted()) {
      this.status = 'signedOut';
      return;
    }
    this.status = 'loading';
    try {
      this.#accept((await memberApi.me()).member);
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 401) {
        setHint(false);
        this.status = 'signedOut';
      } else {
        this.error = error;
        this.status = 'error';
      }
    }
  }

  /** Throws what the server said, for the form to show. */
  async signIn(memberNo: string, pin: string): Promise<void> {
    const { member } = await memberApi.login(memberNo, pin);
    setHint(true);
    this.notice = null;
    this.#accept(member);
  }

  async signOut(): Promise<void> {
    try {
      await memberApi.logout();
    } catch {
      // Signed out here whatever the server said: the cookie ends with its session or its expiry.
    }
    this.#end(null);
  }

  /** A request answered 401: the session ended (expired, or the PIN was reset at the desk). */
  expired(): void {
    if (this.status === 'ready') this.#end('mapp.err.signedOut');
  }

  #accept(member: SignedInMember): void {
    this.member = member;
    this.error = null;
    this.live?.close();
    this.live = new LiveConnection({ verify: () => this.#check(), onUnauthorized: () => this.expired() });
    this.status = 'ready';
  }

  async #check(): Promise<AuthCheck> {
    try {
      const { member } = await memberApi.me();
      return member.id === this.member?.id ? 'ok' : 'unauthorized';
    } catch (error) {
      return error instanceof ApiError && error.statusCode === 401 ? 'unauthorized' : 'unknown';
    }
  }

  #end(notice: MessageKey | null): void {
    setHint(false);
    this.live?.close();
    this.live = null;
    this.member = null;
    this.notice = notice;
    this.status = 'signedOut';
  }
}
