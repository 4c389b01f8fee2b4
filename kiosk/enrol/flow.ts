/**
 * The kiosk's enrolment (报名) as a pure state machine, like the check-in's (../flow.ts): `step(state, event,
 * context)` gives the next state and the effects to run (look the member up, search names, send, speak). The
 * controller (flow.svelte.ts) runs them and feeds their answers back with the `ticket` they were started
 * with; an answer whose ticket is no longer current is dropped.
 *
 * The way through: the card (or a name search) → the member's classes → up to N choices in order → the
 * choices read back → sent once (one Idempotency-Key per visitor, kept across retries) → the result, spoken,
 * with a slip to print. In a renewal window the member confirms their continuing class instead (续报); an
 * offered seat (补录) is accepted or declined. Enrolment is online only: offline, the screen says so.
 *
 * What must stay true, as in the check-in: every screen has a way back; a scan is welcome except while
 * something is being looked up or sent; the next person never inherits the last one (`idleAfterMs`: home after
 * an untouched pause, never while sending).
 */
import { IDLE_MS, WARN_MS, isNameQueryReady } from '../flow.ts';
import { movePick, possiblePicks, samePicks, togglePick } from './choices.ts';
import type { Action, EnrolContext, EnrolEffect, EnrolEvent, EnrolProblem, EnrolScreen, EnrolState, NameScreen, Origin, Visitor } from './flow-types.ts';
import type { MemberRef } from './types.ts';

export type * from './flow-types.ts';

/** Reading a page of classes and weighing them takes longer than finding one's name: a longer pause. */
export const READING_MS = 60_000;
/** The result stays long enough to read it, print the slip and read it again; then it goes by itself. */
export const RESULT_MS = 30_000;

export const initialEnrol = (): EnrolState => ({ screen: { name: 'off' }, ticket: 0 });

interface Next {
  state: EnrolState;
  effects: EnrolEffect[];
}

const stay = (state: EnrolState): Next => ({ state, effects: [] });
const go = (state: EnrolState, screen: EnrolScreen, effects: EnrolEffect[] = []): Next => ({ state: { ...state, screen }, effects });
/** Move on and start something asynchronous: the new ticket makes every older pending answer stale. */
const start = (state: EnrolState, screen: EnrolScreen, effect: (ticket: number) => EnrolEffect): Next => {
  const ticket = state.ticket + 1;
  return { state: { screen, ticket }, effects: [effect(ticket)] };
};
/** Leave a screen whose answers are still coming: they become stale. */
const leave = (state: EnrolState, screen: EnrolScreen, effects: EnrolEffect[] = []): Next => ({
  state: { screen, ticket: state.ticket + 1 },
  effects,
});

const waiting = (screen: EnrolScreen) => screen.name === 'loading' || screen.name === 'sending';
const problem = (state: EnrolState, p: EnrolProblem, back: EnrolScreen): Next => leave(state, { name: 'problem', problem: p, back });

export const visitorOf = (screen: EnrolScreen): Visitor | null => ('visitor' in screen ? screen.visitor : null);

/** The member's seats on offer (补录), still open. */
export const offersOf = (visitor: Visitor) => visitor.view.placements.filter((p) => p.status === 'offered');

function lookUp(state: EnrolState, ref: MemberRef, from: Origin, context: EnrolContext, key: string | null = null): Next {
  if (!context.online) return problem(state, { kind: 'offline' }, from);
  return start(state, { name: 'loading', ref, from }, (ticket) => ({ kind: 'eligibility', ticket, ref, key }));
}

/**
 * Where a looked-up member lands: straight at the classes when there is nothing else to say (applications
 * open, none made, no seat on offer); otherwise their overview, which says what there is.
 */
function landing(visitor: Visitor, context: EnrolContext, note?: 'alreadyApplied'): EnrolScreen {
  const applying = context.term?.window === 'applying';
  if (applying && !note && visitor.view.application === null && offersOf(visitor).length === 0) {
    return { name: 'choose', visitor, picks: [], page: 0, applicationId: null, from: 'start' };
  }
  return { name: 'overview', visitor, ...(note ? { note } : {}) };
}

function back(screen: EnrolScreen): EnrolScreen {
  switch (screen.name) {
    case 'name':
      return { name: 'start' };
    case 'loading':
      return screen.from;
    case 'choose':
      return screen.from === 'overview' ? { name: 'overview', visitor: screen.visitor } : { name: 'start' };
    case 'confirm':
      return { name: 'choose', visitor: screen.visitor, picks: screen.picks, page: 0, applicationId: screen.applicationId, from: screen.from };
    case 'problem':
      return screen.back;
    default:
      return { name: 'off' };
  }
}

function send(state: EnrolState, visitor: Visitor, action: Action, backTo: EnrolScreen): Next {
  return start(state, { name: 'sending', visitor, action, back: backTo }, (ticket) => ({ kind: 'send', ticket, visitor, action }));
}

const sameCard = (screen: EnrolScreen, code: string): boolean => {
  const visitor = visitorOf(screen);
  return visitor !== null && 'memberCode' in visitor.ref && visitor.ref.memberCode.toUpperCase() === code.toUpperCase();
};

export function step(state: EnrolState, event: EnrolEvent, context: EnrolContext): Next {
  const screen = state.screen;
  if ('ticket' in event && event.ticket !== state.ticket) return stay(state);

  switch (event.type) {
    case 'open':
      if (screen.name !== 'off') return stay(state);
      if (!context.online) return problem(state, { kind: 'offline' }, { name: 'off' });
      if (!context.term) return problem(state, { kind: 'noTerm' }, { name: 'off' });
      return leave(state, { name: 'start' });

    case 'scan': {
      const code = event.code.trim();
      // The same card again while choosing is a second swipe, not a new visitor: the choices stay.
      if (!code || screen.name === 'off' || waiting(screen) || sameCard(screen, code)) return stay(state);
      return lookUp(state, { memberCode: code }, { name: 'start' }, context);
    }

    case 'openName': {
      if (screen.name !== 'start' && !(screen.name === 'problem' && screen.problem.kind === 'unknownCard')) return stay(state);
      if (!context.online) return problem(state, { kind: 'offline' }, { name: 'start' });
      return leave(state, { name: 'name', text: '', results: null, searching: false });
    }
    case 'text': {
      if (screen.name !== 'name' || event.text === screen.text) return stay(state);
      const query = event.text.trim();
      const next: NameScreen = { ...screen, text: event.text, results: null, searching: isNameQueryReady(query) };
      if (!next.searching) return leave(state, next);
      return start(state, next, (ticket) => ({ kind: 'search', ticket, query }));
    }
    case 'searchResult':
      if (screen.name !== 'name') return stay(state);
      return go(state, { ...screen, results: event.members, searching: false });
    case 'searchFailed': {
      if (screen.name !== 'name') return stay(state);
      const retryAfter = event.retryAfter !== undefined && Number.isFinite(event.retryAfter) && event.retryAfter > 0 ? { retryAfter: event.retryAfter } : {};
      const p: EnrolProblem = event.offline ? { kind: 'offline' } : event.busy ? { kind: 'busy', ...retryAfter } : { kind: 'refused', message: event.message };
      return problem(state, p, event.offline ? { name: 'start' } : { ...screen, searching: false });
    }
    case 'pick':
      if (screen.name !== 'name') return stay(state);
      return lookUp(state, { memberId: event.member.id }, { ...screen, searching: false }, context);

    case 'loaded': {
      if (screen.name !== 'loading' && screen.name !== 'sending') return stay(state);
      const ref = screen.name === 'loading' ? screen.ref : screen.visitor.ref;
      const visitor: Visitor = { ref, view: event.view, key: event.key };
      const next = landing(visitor, context, event.note);
      return go(state, next, offersOf(visitor).length > 0 ? [{ kind: 'announce' }] : []);
    }
    case 'lookupFailed':
      if (screen.name !== 'loading') return stay(state);
      return go(state, { name: 'problem', problem: event.problem, back: screen.from });

    case 'choose': {
      if (screen.name !== 'overview' || context.term?.window !== 'applying') return stay(state);
      const application = screen.visitor.view.application;
      // A first-come application is placed as it arrives: its choices are not changed here.
      if (application && context.term.term.mode !== 'lottery') return stay(state);
      const eligible = new Set(screen.visitor.view.classes.filter((c) => c.eligible).map((c) => c.classId));
      const picks = application ? possiblePicks(application.choices, eligible, context.term.term.choicesPerApplication) : [];
      return go(state, { name: 'choose', visitor: screen.visitor, picks, page: 0, applicationId: application?.id ?? null, from: 'overview' });
    }
    case 'toggle': {
      if (screen.name !== 'choose' || !context.term) return stay(state);
      const verdict = screen.visitor.view.classes.find((c) => c.classId === event.classId);
      if (!verdict?.eligible && !screen.picks.includes(event.classId)) return stay(state);
      const picks = togglePick(screen.picks, event.classId, context.term.term.choicesPerApplication);
      return samePicks(picks, screen.picks) ? stay(state) : go(state, { ...screen, picks });
    }
    case 'move': {
      // On the read-back too: the order is easiest to judge when it is read out.
      if (screen.name !== 'choose' && screen.name !== 'confirm') return stay(state);
      const picks = movePick(screen.picks, event.index, event.delta);
      if (samePicks(picks, screen.picks)) return stay(state);
      return go(state, { ...screen, picks }, screen.name === 'confirm' ? [{ kind: 'announce' }] : []);
    }
    case 'page': {
      if (screen.name !== 'choose') return stay(state);
      const page = Math.min(Math.max(0, event.pages - 1), Math.max(0, screen.page + event.delta));
      return page === screen.page ? stay(state) : go(state, { ...screen, page });
    }
    case 'next':
      if (screen.name !== 'choose' || screen.picks.length === 0) return stay(state);
      return go(state, { name: 'confirm', visitor: screen.visitor, picks: screen.picks, applicationId: screen.applicationId, from: screen.from }, [
        { kind: 'announce' },
      ]);
    case 'submit': {
      if (screen.name !== 'confirm') return stay(state);
      if (!context.online) return problem(state, { kind: 'offline' }, screen);
      if (screen.applicationId === null) return send(state, screen.visitor, { kind: 'apply', choices: screen.picks }, screen);
      // The same choices in the same order: nothing to change.
      const before = screen.visitor.view.application?.choices ?? [];
      if (samePicks(before, screen.picks)) return leave(state, { name: 'overview', visitor: screen.visitor });
      return send(state, screen.visitor, { kind: 'change', applicationId: screen.applicationId, choices: screen.picks }, screen);
    }
    case 'renew':
    case 'accept':
    case 'decline': {
      if (screen.name !== 'overview') return stay(state);
      if (!context.online) return problem(state, { kind: 'offline' }, screen);
      const action: Action =
        event.type === 'renew' ? { kind: 'renew', classId: event.classId } : { kind: event.type, placementId: event.placementId, classId: event.classId };
      return send(state, screen.visitor, action, screen);
    }
    case 'sent':
      if (screen.name !== 'sending') return stay(state);
      return go(state, { name: 'result', visitor: screen.visitor, outcome: event.outcome }, [{ kind: 'announce' }]);
    case 'refused':
      if (screen.name !== 'sending') return stay(state);
      return go(state, { name: 'problem', problem: event.problem, back: screen.back });
    case 'retry': {
      if (screen.name !== 'problem' || screen.problem.kind !== 'unsure') return stay(state);
      const visitor = visitorOf(screen.back);
      if (!visitor) return stay(state);
      return send(state, visitor, screen.problem.action, screen.back);
    }
    case 'again': {
      const visitor = visitorOf(screen);
      if (screen.name !== 'result' || !visitor) return stay(state);
      return lookUp(state, visitor.ref, { name: 'start' }, context, visitor.key);
    }

    case 'back':
      if (screen.name === 'sending' || screen.name === 'off') return stay(state);
      return leave(state, back(screen));
    case 'home':
      if (screen.name === 'sending') return stay(state);
      return leave(state, { name: 'off' });
  }
}

/**
 * How long a screen may sit untouched before the kiosk goes home (null: never). Nothing while the member
 * waits for the server; the result by itself after RESULT_MS; the classes and the overview after READING_MS;
 * the rest, like the check-in's screens, after IDLE_MS.
 */
export function idleAfterMs(screen: EnrolScreen): number | null {
  switch (screen.name) {
    case 'off':
    case 'loading':
    case 'sending':
      return null;
    case 'result':
      return RESULT_MS;
    case 'overview':
    case 'choose':
    case 'confirm':
      return READING_MS;
    default:
      return IDLE_MS;
  }
}

/** The seconds to count down on screen: the whole time on the result, elsewhere only the last WARN_MS. */
export function countdownSeconds(screen: EnrolScreen, leftMs: number | null): number | null {
  if (leftMs === null || screen.name === 'off') return null;
  if (screen.name !== 'result' && leftMs > WARN_MS) return null;
  return Math.max(1, Math.ceil(leftMs / 1000));
}
