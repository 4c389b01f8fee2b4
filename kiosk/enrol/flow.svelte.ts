/**
 * Runs the kiosk's enrolment flow (flow.ts here): holds the reactive state, runs the effects the state machine
 * asks for (the member's eligibility, the name search, sending an application, a renewal or an answer to an
 * offered seat, the spoken words), and takes the screen home after an untouched pause (flow.ts idleAfterMs).
 * Everything goes straight to the server: enrolment is never stored for later like a check-in.
 */
import { api, ApiError, seg, withQuery } from '../../client/lib/api.ts';
import { i18n, t } from '../../client/lib/i18n.svelte.ts';
import type { MemberHit } from '../checkin-types.ts';
import type { KioskQueue } from '../queue.svelte.ts';
import { speak } from '../speech.ts';
import { uuidV4 } from '../uuid.ts';
import { offersOf, idleAfterMs, initialEnrol, step, type Action, type EnrolEffect, type EnrolEvent, type EnrolProblem, type EnrolState, type Outcome, type Visitor } from './flow.ts';
import { resultView } from './outcome.ts';
import type { KioskTerms } from './terms.svelte.ts';
import type { ApplyAnswer, EligibilityDto, MemberRef, PlacementDto } from './types.ts';
import { confirmSpeech, dayTimeOf, resultSpeech, type Words } from './words.ts';
import type { MessageKey } from '../../client/lib/messages/zh-CN.ts';

const LOOKUP_TIMEOUT_MS = 8_000;
/** A member waits for their application at most this long; then the screen says it does not know, and offers to try again. */
const SEND_TIMEOUT_MS = 12_000;
const SEARCH_DEBOUNCE_MS = 350;

export interface EnrolDeps {
  token: () => string | null;
  /** Whether the line is up (the check-in queue knows), and where to say it is not. */
  queue: Pick<KioskQueue, 'online' | 'markReachable'>;
  terms: KioskTerms;
  zone: () => string;
  /** The visitor has gone (the flow is back home): the next one starts in the kiosk's own language. */
  onExit: () => void;
}

const ERROR_KEYS: Record<string, MessageKey> = {
  window_closed: 'kioskEnrol.error.window_closed',
  not_eligible: 'kioskEnrol.error.not_eligible',
  conflict: 'kioskEnrol.error.conflict',
  duplicate: 'kioskEnrol.error.duplicate',
  not_found: 'kioskEnrol.error.not_found',
};

/** The server's own sentence in the visitor's language: `messageZh` in Chinese, `message` in English. */
export function serverMessage(error: ApiError): string {
  if (i18n.lang === 'en') return error.message || t('kioskEnrol.error.other');
  const zh = error.body.messageZh;
  if (typeof zh === 'string' && zh) return zh;
  return t(ERROR_KEYS[error.code] ?? 'kioskEnrol.error.other');
}

function busy(error: ApiError): EnrolProblem {
  const wait = error.body.retryAfter;
  return typeof wait === 'number' && Number.isFinite(wait) && wait > 0 ? { kind: 'busy', retryAfter: wait } : { kind: 'busy' };
}

export class EnrolFlow {
  state = $state.raw<EnrolState>(initialEnrol());
  /** When (epoch ms) the untouched screen goes home, for the countdown; null: it stays. */
  deadline = $state<number | null>(null);

  readonly #deps: EnrolDeps;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(deps: EnrolDeps) {
    this.#deps = deps;
  }

  get screen() {
    return this.state.screen;
  }

  /** Whether the enrolment screens are showing (else the check-in's). */
  get active(): boolean {
    return this.state.screen.name !== 'off';
  }

  get words(): Words {
    return { t, lang: i18n.lang, zone: this.#deps.zone() };
  }

  dispatch(event: EnrolEvent): void {
    const context = { online: this.#deps.queue.online, term: this.#deps.terms.current };
    const next = step(this.state, event, context);
    const leaving = this.state.screen.name !== 'off' && next.state.screen.name === 'off';
    if (next.state !== this.state) this.state = next.state;
    for (const effect of next.effects) void this.#run(effect);
    this.#armIdle();
    if (leaving) this.#deps.onExit();
  }

  touch(): void {
    this.#armIdle();
  }

  stop(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
  }

  /** The slip (Slip.svelte), through the browser's printing: a kiosk browser set to print silently prints at once. */
  print(): void {
    try {
      window.print();
    } catch {
      // No printing on this device: the screen and the spoken words remain.
    }
  }

  #armIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const ms = idleAfterMs(this.state.screen);
    this.deadline = ms === null ? null : Date.now() + ms;
    if (ms !== null) this.#idleTimer = setTimeout(() => this.dispatch({ type: 'home' }), ms);
  }

  async #run(effect: EnrolEffect): Promise<void> {
    switch (effect.kind) {
      case 'eligibility':
        return this.#lookUp(effect.ticket, effect.ref, effect.key);
      case 'search':
        return this.#search(effect.ticket, effect.query);
      case 'send':
        return this.#send(effect.ticket, effect.visitor, effect.action);
      case 'announce':
        return this.#announce();
    }
  }

  #options(timeoutMs: number, headers?: Record<string, string>) {
    return { token: this.#deps.token(), signal: AbortSignal.timeout(timeoutMs), ...(headers ? { headers } : {}) };
  }

  #termId(): string | null {
    return this.#deps.terms.current?.term.id ?? null;
  }

  async #eligibility(ref: MemberRef): Promise<EligibilityDto> {
    const termId = this.#termId();
    if (!termId) throw new ApiError({ statusCode: 409, code: 'window_closed', message: 'No term is open.' });
    const [view] = await Promise.all([
      api.get<EligibilityDto>(withQuery(`/api/terms/${seg(termId)}/eligibility`, ref), this.#options(LOOKUP_TIMEOUT_MS)),
      // Fresh seat and applicant counts for the cards; the live events keep them so afterwards.
      this.#deps.terms.reloadClasses().catch(() => undefined),
    ]);
    this.#deps.queue.markReachable(true);
    return view;
  }

  async #lookUp(ticket: number, ref: MemberRef, key: string | null): Promise<void> {
    try {
      const view = await this.#eligibility(ref);
      this.dispatch({ type: 'loaded', ticket, view, key: key ?? uuidV4() });
    } catch (error) {
      this.dispatch({ type: 'lookupFailed', ticket, problem: this.#lookupProblem(error, ref) });
    }
  }

  #lookupProblem(error: unknown, ref: MemberRef): EnrolProblem {
    if (!(error instanceof ApiError)) {
      this.#deps.queue.markReachable(false);
      return { kind: 'offline' };
    }
    // No member holds the card (or what was read is not a card code at all).
    if ('memberCode' in ref && (error.statusCode === 404 || error.statusCode === 400)) return { kind: 'unknownCard', code: ref.memberCode };
    if (error.statusCode === 429) return busy(error);
    if (error.code === 'window_closed') return { kind: 'noTerm' };
    return { kind: 'refused', message: serverMessage(error) };
  }

  #search(ticket: number, query: string): void {
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(async () => {
      if (ticket !== this.state.ticket) return;
      try {
        const answer = await api.get<{ members: MemberHit[] }>(withQuery('/api/members', { q: query }), this.#options(LOOKUP_TIMEOUT_MS));
        this.#deps.queue.markReachable(true);
        this.dispatch({ type: 'searchResult', ticket, members: answer.members });
      } catch (error) {
        const offline = !(error instanceof ApiError);
        if (offline) this.#deps.queue.markReachable(false);
        const limited = error instanceof ApiError && error.statusCode === 429;
        const wait = limited ? (busy(error) as { retryAfter?: number }).retryAfter : undefined;
        this.dispatch({
          type: 'searchFailed',
          ticket,
          offline,
          busy: limited,
          message: error instanceof ApiError ? serverMessage(error) : '',
          ...(wait !== undefined ? { retryAfter: wait } : {}),
        });
      }
    }, SEARCH_DEBOUNCE_MS);
  }

  async #request(termId: string, visitor: Visitor, action: Action): Promise<Outcome> {
    const send = this.#options(SEND_TIMEOUT_MS);
    switch (action.kind) {
      case 'apply': {
        const answer = await api.post<ApplyAnswer>(
          `/api/terms/${seg(termId)}/applications`,
          { ...visitor.ref, choices: action.choices },
          this.#options(SEND_TIMEOUT_MS, { 'Idempotency-Key': visitor.key }),
        );
        return { kind: 'applied', application: answer.application, placements: answer.placements ?? null };
      }
      case 'change': {
        const answer = await api.put<ApplyAnswer>(`/api/applications/${seg(action.applicationId)}`, { choices: action.choices }, send);
        return { kind: 'changed', application: answer.application };
      }
      case 'renew': {
        const answer = await api.post<{ placement: PlacementDto }>(`/api/terms/${seg(termId)}/renewals`, { ...visitor.ref, classId: action.classId }, send);
        return { kind: 'renewed', placement: answer.placement };
      }
      case 'accept':
      case 'decline': {
        const answer = await api.post<{ placement: PlacementDto }>(`/api/placements/${seg(action.placementId)}/${action.kind}`, {}, send);
        return { kind: action.kind === 'accept' ? 'accepted' : 'declined', placement: answer.placement };
      }
    }
  }

  async #send(ticket: number, visitor: Visitor, action: Action): Promise<void> {
    const termId = this.#termId();
    if (!termId) return this.dispatch({ type: 'refused', ticket, problem: { kind: 'noTerm' } });
    try {
      const outcome = await this.#request(termId, visitor, action);
      this.#deps.queue.markReachable(true);
      this.dispatch({ type: 'sent', ticket, outcome });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        this.#deps.queue.markReachable(false);
        return this.dispatch({ type: 'refused', ticket, problem: { kind: 'unsure', action } });
      }
      // Applied (or renewed) before, on another visit or at the desk: show what is there rather than an error.
      if ((action.kind === 'apply' || action.kind === 'renew') && error.code === 'duplicate') {
        try {
          const view = await this.#eligibility(visitor.ref);
          const note = action.kind === 'apply' ? ({ note: 'alreadyApplied' } as const) : {};
          return this.dispatch({ type: 'loaded', ticket, view, key: visitor.key, ...note });
        } catch {
          // Fall through to the refusal's own words.
        }
      }
      if (error.statusCode === 429) return this.dispatch({ type: 'refused', ticket, problem: busy(error) });
      this.dispatch({ type: 'refused', ticket, problem: { kind: 'refused', message: serverMessage(error) } });
    }
  }

  #announce(): void {
    const screen = this.state.screen;
    const w = this.words;
    const className = (id: string) => this.#deps.terms.className(id);
    const term = this.#deps.terms.current?.term;
    if (screen.name === 'confirm') {
      speak(confirmSpeech(screen.visitor.view.member.name, screen.picks, className, w), i18n.lang);
    } else if (screen.name === 'result' && term) {
      speak(resultSpeech(screen.visitor.view.member.name, resultView(screen.outcome, term), className, w), i18n.lang);
    } else if (screen.name === 'overview') {
      const offer = offersOf(screen.visitor)[0];
      if (offer) {
        const until = offer.offerExpiresAt ? dayTimeOf(offer.offerExpiresAt, w) : '';
        speak(t('kioskEnrol.sayOffer', { name: screen.visitor.view.member.name, class: className(offer.classId), until }), i18n.lang);
      }
    }
  }
}
