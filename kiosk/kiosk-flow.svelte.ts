/**
 * Runs the check-in flow (flow.ts) on the kiosk: holds the reactive flow, runs the effects the state machine
 * asks for (card look-up, member search, check-in through the queue, undo, the spoken confirmation), and
 * takes the screen home after an untouched pause (flow.ts idleAfterMs), and puts the kiosk back in its own
 * language for every new visitor: one member's English must not greet the next one.
 */
import { api, ApiError, withQuery } from '../client/lib/api.ts';
import type { MemberHit } from './checkin-types.ts';
import { DEFAULT_LANG } from '../client/lib/i18n-core.ts';
import { i18n, t, type Lang } from '../client/lib/i18n.svelte.ts';
import type { VenueToday } from '../client/lib/venue-today.svelte.ts';
import { idleAfterMs, initialFlow, isNewVisitor, step, type Choice, type Done, type Effect, type Flow, type FlowEvent, type Problem, type Who } from './flow.ts';
import type { KioskQueue } from './queue.svelte.ts';
import { speak } from './speech.ts';

const LOOKUP_TIMEOUT_MS = 5_000;
const SEARCH_DEBOUNCE_MS = 350;

/**
 * The language every visitor starts in. Devices have no language setting (yet): the kiosk speaks Chinese first,
 * and a visitor's switch to English lasts until the kiosk is back at its start (or is reloaded, main.ts).
 */
export const KIOSK_LANG: Lang = DEFAULT_LANG;

/** Back to the kiosk's own language, without disturbing anything when it already is. */
export function resetKioskLanguage(): void {
  if (i18n.lang !== KIOSK_LANG) i18n.set(KIOSK_LANG);
}

export interface KioskFlowDeps {
  venueId: string;
  token: () => string | null;
  queue: KioskQueue;
  today: VenueToday;
}

/** The name to greet with, when known. */
export function nameOf(who: Who): string | null {
  if (who.kind === 'member') return who.member.name;
  if (who.kind === 'card') return who.member?.name ?? null;
  return null;
}

/** The seconds a 429 says to wait (its body's retryAfter), for the wait screen; nothing when it gave none. */
function retryAfterOf(error: ApiError): { retryAfter?: number } {
  const wait = error.body.retryAfter;
  return typeof wait === 'number' && Number.isFinite(wait) && wait > 0 ? { retryAfter: wait } : {};
}

export class KioskFlow {
  flow = $state.raw<Flow>(initialFlow());
  /** When (epoch ms) the untouched kiosk goes home, for the on-screen countdown; null: it stays. */
  deadline = $state<number | null>(null);

  readonly #deps: KioskFlowDeps;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(deps: KioskFlowDeps) {
    this.#deps = deps;
  }

  get screen() {
    return this.flow.screen;
  }

  dispatch(event: FlowEvent): void {
    const next = step(this.flow, event, { venueId: this.#deps.venueId, online: this.#deps.queue.online });
    if (isNewVisitor(this.flow.screen, next.flow.screen)) resetKioskLanguage();
    if (next.flow !== this.flow) this.flow = next.flow;
    for (const effect of next.effects) void this.#run(effect);
    this.#armIdle();
  }

  /** Someone touched the screen or a key: the idle pause starts again. */
  touch(): void {
    this.#armIdle();
  }

  stop(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
  }

  /** What the confirmation says (and speaks): "杜荣，签到成功" / "3 位访客，登记成功". */
  headline(who: Who, done: Pick<Done, 'name'>): string {
    if (who.kind === 'guests') return t('kiosk.doneGuests', { n: who.count });
    const name = done.name ?? nameOf(who);
    return name ? t('kiosk.done', { name }) : t('kiosk.doneNoName');
  }

  /** "书法一班 · 书画室", or the plain-visit line. */
  where(choice: Choice): string {
    if (choice.kind === 'visit') return t('kiosk.doneVisit');
    const room = this.#deps.today.roomName(choice.roomId);
    return room ? t('kiosk.doneActivity', { title: choice.title, room }) : choice.title;
  }

  #armIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const ms = idleAfterMs(this.flow.screen, i18n.lang === KIOSK_LANG);
    this.deadline = ms === null ? null : Date.now() + ms;
    if (ms !== null) {
      this.#idleTimer = setTimeout(() => {
        // Welcome left in another language goes home too: that is not a screen change, so reset here.
        resetKioskLanguage();
        this.dispatch({ type: 'home' });
      }, ms);
    }
  }

  async #run(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'lookupCard':
        return this.#lookupCard(effect.ticket, effect.code);
      case 'search':
        return this.#search(effect.ticket, effect.query);
      case 'checkIn':
        return this.#checkIn(effect.ticket, effect.request);
      case 'undo': {
        const screen = this.flow.screen;
        const note = screen.name === 'undoing' ? this.#note(screen.who, screen.choice) : '';
        try {
          await this.#deps.queue.undo(effect.key, effect.visitId, note);
        } finally {
          this.dispatch({ type: 'undone', ticket: effect.ticket });
        }
        return;
      }
      case 'announce': {
        const screen = this.flow.screen;
        if (screen.name === 'done') speak(`${this.headline(screen.who, screen.done)}。${this.where(screen.choice)}`, i18n.lang);
        return;
      }
    }
  }

  async #members(query: { q: string } | { code: string }): Promise<MemberHit[]> {
    const answer = await api.get<{ members: MemberHit[] }>(withQuery('/api/members', query), {
      token: this.#deps.token(),
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    this.#deps.queue.markReachable(true);
    return answer.members;
  }

  /**
   * The card's owner, to greet by name. The check-in itself sends the card code and the server decides, so
   * when the line is down (or the answer is ambiguous) the member goes on without a name.
   */
  async #lookupCard(ticket: number, code: string): Promise<void> {
    try {
      // Exactly that card: a name or a phone that merely looks like the code must not be greeted.
      const members = await this.#members({ code });
      if (members.length === 0) this.dispatch({ type: 'cardUnknown', ticket });
      else this.dispatch({ type: 'cardFound', ticket, member: members.length === 1 ? { id: members[0]!.id, name: members[0]!.name } : null });
    } catch (error) {
      // Not a card code at all (a stray QR code): no member holds it.
      if (error instanceof ApiError && error.statusCode === 400) return this.dispatch({ type: 'cardUnknown', ticket });
      // Too many look-ups (or wrong cards) from this kiosk: ask the member to wait, or staff to help.
      if (error instanceof ApiError && error.statusCode === 429) return this.dispatch({ type: 'cardBusy', ticket, ...retryAfterOf(error) });
      if (!(error instanceof ApiError)) this.#deps.queue.markReachable(false);
      this.dispatch({ type: 'cardFound', ticket, member: null });
    }
  }

  #search(ticket: number, query: string): void {
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(async () => {
      if (ticket !== this.flow.ticket) return;
      try {
        this.dispatch({ type: 'searchResult', ticket, members: await this.#members({ q: query }) });
      } catch (error) {
        const offline = !(error instanceof ApiError);
        if (offline) this.#deps.queue.markReachable(false);
        const busy = error instanceof ApiError && error.statusCode === 429;
        this.dispatch({
          type: 'searchFailed',
          ticket,
          offline,
          busy,
          message: error instanceof ApiError ? error.message : '',
          ...(busy && error instanceof ApiError ? retryAfterOf(error) : {}),
        });
      }
    }, SEARCH_DEBOUNCE_MS);
  }

  #note(who: Who, choice: Choice): string {
    const person =
      who.kind === 'guests'
        ? t('kiosk.doneGuests', { n: who.count })
        : `${nameOf(who) ?? ''}${who.kind === 'card' ? ` (${t('kiosk.card', { code: who.code })})` : ''}`.trim();
    return `${person} · ${choice.kind === 'visit' ? t('kiosk.justVisiting') : choice.title}`;
  }

  async #checkIn(ticket: number, request: Parameters<KioskQueue['submit']>[0]): Promise<void> {
    const screen = this.flow.screen;
    if (screen.name !== 'sending') return;
    const result = await this.#deps.queue.submit(request, this.#note(screen.who, screen.choice));
    if (result.status === 'refused') {
      const problem: Problem =
        result.error.code === 'member_not_found'
          ? { kind: 'unknownCard', ...(screen.who.kind === 'card' ? { code: screen.who.code } : {}) }
          : { kind: 'refused', message: result.error.message };
      this.dispatch({ type: 'refused', ticket, problem });
      return;
    }
    const answer = result.status === 'sent' ? result.answer : null;
    this.dispatch({
      type: 'sent',
      ticket,
      done: {
        key: result.key,
        queued: result.status === 'queued',
        name: answer?.member?.name ?? nameOf(screen.who),
        visitId: answer?.visit.id ?? null,
        movedFrom: answer?.moved ? { roomId: answer.moved.roomId } : null,
      },
    });
  }
}
