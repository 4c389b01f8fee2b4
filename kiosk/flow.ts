/**
 * The kiosk's check-in flow as a pure state machine: `step(flow, event, context)` gives the next flow and the
 * effects to run (look a card up, search, check in, undo, announce). The controller (`kiosk-flow.svelte.ts`)
 * runs the effects and feeds their results back as events carrying the `ticket` they were started with;
 * a result whose ticket is not the flow's current one is stale (the person went back, or the next member
 * scanned) and is ignored.
 *
 * What must stay true for members over 70:
 * - at most three touches from welcome to confirmation; every screen has a way back; nothing is lost
 *   by going back;
 * - a scan is welcome on every screen except while a check-in or an undo is under way;
 * - the next person never inherits the last one: a screen with someone's name on it goes home after a short
 *   untouched pause (`idleAfterMs`; any touch starts the pause again, so nothing times out under a slow
 *   finger), never while something is being sent; the confirmation goes home by itself within seconds.
 */
import type { CheckInRequest } from './checkin-types.ts';
import type { Choice, Effect, EntryScreen, Flow, FlowContext, FlowEvent, Origin, Problem, Screen, Who } from './flow-types.ts';

export type * from './flow-types.ts';

/**
 * The phone keypad asks for the whole number (docs/security.md "Kiosk look-ups": a kiosk may not search by a part of one). A mobile
 * (11 digits from 1) is looked up as soon as it is complete; a landline, from 7 digits (local) to 12 (with its
 * area code), when 查找 is pressed. The last four digits go with the name, on the name screen.
 */
export const MIN_PHONE_DIGITS = 7;
export const MAX_PHONE_DIGITS = 12;
export const isWholeMobile = (digits: string): boolean => /^1\d{10}$/.test(digits);
/** What 查找 looks up: a number not starting with 1 (a mobile goes by itself), long enough to be a whole one. */
export const isLandline = (digits: string): boolean => digits.length >= MIN_PHONE_DIGITS && !digits.startsWith('1');
const maxDigits = (digits: string) => (digits.startsWith('1') ? 11 : MAX_PHONE_DIGITS);
export const MAX_GUESTS = 50;
export const ACTIVITIES_PER_PAGE = 4;
/** Card codes are letters, digits and dashes (server: members/schemas.ts CardCode). */
export const MAX_CODE_LENGTH = 32;
const CODE_KEY = /^[A-Za-z0-9_-]$/;
/** How long the confirmation stays: long enough to read it twice and to press 撤销. */
export const DONE_MS = 8_000;
/** Untouched time on any other screen before the kiosk goes home (each touch starts it again). */
export const IDLE_MS = 30_000;
/** The last part of the pause is counted down on screen, so nobody is surprised by it. */
export const WARN_MS = 10_000;

/** The wait screen's problem, with the server's wait when it gave a usable one. */
const busyProblem = (retryAfter: number | undefined, fromName = false): Problem => ({
  kind: 'busy',
  ...(retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  ...(fromName ? { fromName: true as const } : {}),
});

/**
 * The wait in whole minutes, rounded up (a person told "1 分钟" who may try only after 80 seconds would be
 * refused again); at least 1.
 */
export const waitMinutes = (retryAfterSeconds: number): number => Math.max(1, Math.ceil(retryAfterSeconds / 60));

/** What the phone keypad says under the digits: how many are in, out of how many a mobile has. */
export type PhoneProgress =
  | { kind: 'mobile'; n: number; total: 11 }
  | { kind: 'landline'; n: number };
export const phoneProgress = (digits: string): PhoneProgress =>
  digits === '' || digits.startsWith('1') ? { kind: 'mobile', n: digits.length, total: 11 } : { kind: 'landline', n: digits.length };

/**
 * Why 查找 cannot be pressed yet (null: it can): a mobile goes by itself at 11 digits; a landline needs at
 * least MIN_PHONE_DIGITS.
 */
export const phoneSearchBlocked = (digits: string): 'mobile' | 'short' | null =>
  digits === '' || digits.startsWith('1') ? 'mobile' : isLandline(digits) ? null : 'short';

/** Four figures alone on the name screen: the last four of a phone, which need the name (docs/security.md "Kiosk look-ups"). */
export const isLastFourAlone = (text: string): boolean => /^\d{4}$/.test(text.trim());

/**
 * Part of a number on the name screen (5 to 10 figures, nothing else): the screen looks up only a whole mobile,
 * so without a word the member would wait for a list that never comes.
 */
export const isPartialNumber = (text: string): boolean => /^\d{5,10}$/.test(text.replace(/[\s-]/g, ''));

/**
 * Whether the name screen looks `query` (trimmed) up now. A number typed there alone is looked up once it is a
 * whole mobile: each shorter one would find nobody and count against the kiosk's guesses (a landline goes
 * through the phone keypad's 查找). The enrolment flow's name search keeps the same rule.
 */
export function isNameQueryReady(query: string): boolean {
  const digitsOnly = /^[\d\s+-]+$/.test(query);
  return query.length > 0 && (!digitsOnly || isWholeMobile(query.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')));
}

/** A name with four or more figures: when it finds nobody, the figures are the likelier mistake. */
export const hasNameAndDigits = (text: string): boolean => /\d{4}/.test(text) && /[^\d\s-]/.test(text);

export const initialFlow = (): Flow => ({ screen: { name: 'welcome' }, ticket: 0 });

interface Next {
  flow: Flow;
  effects: Effect[];
}

const stay = (flow: Flow): Next => ({ flow, effects: [] });
const go = (flow: Flow, screen: Screen, effects: Effect[] = []): Next => ({ flow: { ...flow, screen }, effects });
/** Move on and start something asynchronous: a new ticket makes every older pending answer stale. */
const start = (flow: Flow, screen: Screen, effect: (ticket: number) => Effect): Next => {
  const ticket = flow.ticket + 1;
  return { flow: { screen, ticket }, effects: [effect(ticket)] };
};

const busy = (screen: Screen) => screen.name === 'sending' || screen.name === 'undoing';

export function checkInRequest(venueId: string, who: Who, choice: Choice): CheckInRequest {
  const place = choice.kind === 'activity' ? { bookingId: choice.bookingId } : {};
  switch (who.kind) {
    case 'card':
      return { venueId, memberCode: who.code, ...place };
    case 'member':
      return { venueId, memberId: who.member.id, ...place };
    case 'guests':
      return { venueId, guests: who.count, ...place };
  }
}

function startSearch(flow: Flow, screen: EntryScreen, query: string, ready: boolean): Next {
  if (screen.name === 'guests' || screen.name === 'code') return go(flow, screen);
  if (!ready) return go(flow, { ...screen, results: null, searching: false });
  return start(flow, { ...screen, results: null, searching: true }, (ticket) => ({ kind: 'search', ticket, query }));
}

function back(screen: Screen): Screen {
  switch (screen.name) {
    case 'activity':
      return screen.from;
    case 'problem':
      return screen.back;
    default:
      return { name: 'welcome' };
  }
}

export function step(flow: Flow, event: FlowEvent, context: FlowContext): Next {
  const screen = flow.screen;
  // Answers to something no longer asked are dropped.
  if ('ticket' in event && event.ticket !== flow.ticket) return stay(flow);

  switch (event.type) {
    case 'scan': {
      if (busy(screen)) return stay(flow);
      return lookUpCard(flow, event.code, { name: 'welcome' }, context);
    }
    case 'submitCode':
      if (screen.name !== 'code') return stay(flow);
      return lookUpCard(flow, screen.text, screen, context);
    case 'cardFound':
      if (screen.name !== 'lookup') return stay(flow);
      return go(flow, {
        name: 'activity',
        page: 0,
        from: screen.from,
        who: { kind: 'card', code: screen.code, member: event.member },
      });
    case 'cardBusy':
      if (screen.name !== 'lookup') return stay(flow);
      return go(flow, { name: 'problem', problem: busyProblem(event.retryAfter), back: screen.from });
    case 'cardUnknown':
      // Back to the typed code to correct it; the problem screen also offers phone and name.
      if (screen.name !== 'lookup') return stay(flow);
      return go(flow, { name: 'problem', problem: { kind: 'unknownCard', code: screen.code }, back: screen.from });

    case 'open': {
      if (busy(screen)) return stay(flow);
      const next = { ...flow, ticket: flow.ticket + 1 };
      switch (event.screen) {
        case 'camera':
          return go(next, { name: 'camera' });
        case 'guests':
          return go(next, { name: 'guests', count: 1 });
        case 'code':
          // Like a scan, a typed card works offline too.
          return go(next, { name: 'code', text: '' });
        case 'phone':
        case 'name': {
          const entry: EntryScreen =
            event.screen === 'phone'
              ? { name: 'phone', digits: '', results: null, searching: false }
              : { name: 'name', text: '', results: null, searching: false };
          if (!context.online) return go(next, { name: 'problem', problem: { kind: 'needsNetwork' }, back: { name: 'welcome' } });
          return go(next, entry);
        }
      }
      return stay(flow);
    }

    case 'codeKey':
      if (screen.name !== 'code' || !CODE_KEY.test(event.key) || screen.text.length >= MAX_CODE_LENGTH) return stay(flow);
      return go(flow, { ...screen, text: screen.text + event.key.toUpperCase() });
    case 'digit':
    case 'backspace':
    case 'clear': {
      if (screen.name === 'code') {
        if (event.type === 'digit') return step(flow, { type: 'codeKey', key: event.digit }, context);
        const text = event.type === 'clear' ? '' : screen.text.slice(0, -1);
        return text === screen.text ? stay(flow) : go(flow, { ...screen, text });
      }
      if (screen.name !== 'phone') return stay(flow);
      let digits = screen.digits;
      if (event.type === 'digit' && /^\d$/.test(event.digit) && digits.length < maxDigits(digits + event.digit)) digits += event.digit;
      if (event.type === 'backspace') digits = digits.slice(0, -1);
      if (event.type === 'clear') digits = '';
      if (digits === screen.digits) return stay(flow);
      return startSearch(flow, { ...screen, digits }, digits, isWholeMobile(digits));
    }
    case 'searchPhone':
      if (screen.name !== 'phone' || screen.searching || !isLandline(screen.digits)) return stay(flow);
      return startSearch(flow, screen, screen.digits, true);
    case 'text': {
      if (screen.name !== 'name' || event.text === screen.text) return stay(flow);
      const query = event.text.trim();
      return startSearch(flow, { ...screen, text: event.text }, query, isNameQueryReady(query));
    }
    case 'searchResult':
      if (screen.name !== 'phone' && screen.name !== 'name') return stay(flow);
      return go(flow, { ...screen, results: event.members, searching: false });
    case 'searchFailed':
      if (screen.name !== 'phone' && screen.name !== 'name') return stay(flow);
      return go(flow, {
        name: 'problem',
        problem: event.offline ? { kind: 'needsNetwork' } : event.busy ? busyProblem(event.retryAfter, screen.name === 'name') : { kind: 'refused', message: event.message },
        back: event.offline ? { name: 'welcome' } : { ...screen, searching: false },
      });
    case 'pick':
      if (screen.name !== 'phone' && screen.name !== 'name') return stay(flow);
      return go(
        { ...flow, ticket: flow.ticket + 1 },
        { name: 'activity', page: 0, from: { ...screen, searching: false }, who: { kind: 'member', member: event.member } },
      );

    case 'guestCount': {
      if (screen.name !== 'guests') return stay(flow);
      const count = Math.min(MAX_GUESTS, Math.max(1, screen.count + event.delta));
      return count === screen.count ? stay(flow) : go(flow, { ...screen, count });
    }
    case 'guestsNext':
      if (screen.name !== 'guests') return stay(flow);
      return go(flow, { name: 'activity', page: 0, from: screen, who: { kind: 'guests', count: screen.count } });

    case 'page': {
      if (screen.name !== 'activity') return stay(flow);
      const page = Math.min(Math.max(0, event.pages - 1), Math.max(0, screen.page + event.delta));
      return page === screen.page ? stay(flow) : go(flow, { ...screen, page });
    }
    case 'choose': {
      if (screen.name !== 'activity') return stay(flow);
      const request = checkInRequest(context.venueId, screen.who, event.choice);
      return start(flow, { name: 'sending', who: screen.who, from: screen.from, choice: event.choice }, (ticket) => ({
        kind: 'checkIn',
        ticket,
        request,
      }));
    }
    case 'sent':
      if (screen.name !== 'sending') return stay(flow);
      return go(flow, { name: 'done', who: screen.who, from: screen.from, choice: screen.choice, done: event.done }, [{ kind: 'announce' }]);
    case 'refused': {
      if (screen.name !== 'sending') return stay(flow);
      const retry: Screen = { name: 'activity', page: 0, who: screen.who, from: screen.from };
      return go(flow, {
        name: 'problem',
        problem: event.problem,
        back: event.problem.kind === 'unknownCard' ? { name: 'welcome' } : retry,
      });
    }

    case 'undo':
      if (screen.name !== 'done') return stay(flow);
      return start(flow, { ...screen, name: 'undoing' }, (ticket) => ({
        kind: 'undo',
        ticket,
        key: screen.done.key,
        visitId: screen.done.visitId,
      }));
    case 'undone':
      if (screen.name !== 'undoing') return stay(flow);
      return go(flow, { name: 'activity', page: 0, who: screen.who, from: screen.from, undone: true });

    case 'cameraFailed':
      if (screen.name !== 'camera') return stay(flow);
      return go(flow, { name: 'problem', problem: { kind: 'noCamera' }, back: { name: 'welcome' } });

    case 'back':
      if (busy(screen)) return stay(flow);
      return go({ ...flow, ticket: flow.ticket + 1 }, back(screen));
    case 'home':
      if (busy(screen)) return stay(flow);
      return go({ ...flow, ticket: flow.ticket + 1 }, { name: 'welcome' });
  }
}

/** A card, scanned or typed: look its holder up (online), or go on with the card alone (offline). */
function lookUpCard(flow: Flow, raw: string, from: Origin, context: FlowContext): Next {
  const code = raw.trim();
  if (!code) return stay(flow);
  // Offline the card itself is sent later: no need to know the name to check in.
  if (!context.online) {
    return go({ ...flow, ticket: flow.ticket + 1 }, { name: 'activity', page: 0, from, who: { kind: 'card', code, member: null } });
  }
  return start(flow, { name: 'lookup', code, from }, (ticket) => ({ kind: 'lookupCard', ticket, code }));
}

/**
 * How long a screen may sit untouched before the kiosk goes back to welcome (null: never). The confirmation
 * goes by itself after DONE_MS (the next person must not find it, nor 撤销 someone else's check-in); every
 * other screen, most with a member's name, after IDLE_MS without a touch. Welcome waits forever, except in
 * a language the kiosk does not start in: the next visitor must find it in the kiosk's own language.
 */
export function idleAfterMs(screen: Screen, defaultLanguage = true): number | null {
  switch (screen.name) {
    case 'welcome':
      return defaultLanguage ? null : IDLE_MS;
    case 'lookup':
    case 'sending':
    case 'undoing':
      return null;
    case 'done':
      return DONE_MS;
    default:
      return IDLE_MS;
  }
}

/**
 * The seconds to show counting down to the return home, or null for none: always on the confirmation (it
 * goes by itself), elsewhere only in the last WARN_MS of the pause.
 */
export function countdownSeconds(screen: Screen, leftMs: number | null): number | null {
  if (leftMs === null || screen.name === 'welcome') return null;
  if (screen.name !== 'done' && leftMs > WARN_MS) return null;
  return Math.max(1, Math.ceil(leftMs / 1000));
}

/** A new visitor starts when the kiosk comes back to welcome from anywhere else. */
export const isNewVisitor = (before: Screen, after: Screen): boolean => after.name === 'welcome' && before.name !== 'welcome';

export function pageCount(activities: number, perPage = ACTIVITIES_PER_PAGE): number {
  return Math.max(1, Math.ceil(activities / perPage));
}

export function pageOf<T>(items: readonly T[], page: number, perPage = ACTIVITIES_PER_PAGE): T[] {
  const last = pageCount(items.length, perPage) - 1;
  const p = Math.min(Math.max(0, page), last);
  return items.slice(p * perPage, (p + 1) * perPage);
}

/** The first character of a name, for the round "photo" initial. */
export const initialOf = (name: string | null | undefined): string => (name ? ([...name.trim()][0] ?? '') : '');
