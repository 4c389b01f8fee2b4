/**
 * The shapes of the kiosk's enrolment flow (flow.ts beside this file): who is at the screen, what they ask
 * for, the screens, the events between them and the effects the controller runs.
 */
import type { MemberHit } from '../checkin-types.ts';
import type { TermWindow } from './term-window.ts';
import type { ApplicationDto, EligibilityDto, MemberRef, PlacementDto, TermDto } from './types.ts';

/** The member at the screen, as the server last described them for this term. */
export interface Visitor {
  ref: MemberRef;
  view: EligibilityDto;
  /**
   * The Idempotency-Key of this visitor's application, made once when they are first looked up and kept for
   * every try: an answer lost on the way and a second press of 提交 cannot apply twice.
   */
  key: string;
}

export type Action =
  | { kind: 'apply'; choices: string[] }
  | { kind: 'change'; applicationId: string; choices: string[] }
  | { kind: 'renew'; classId: string }
  | { kind: 'accept'; placementId: string; classId: string }
  | { kind: 'decline'; placementId: string; classId: string };

export type Outcome =
  /** `placements`: a first-come term places at once; null in a lottery (drawn after the window). */
  | { kind: 'applied'; application: ApplicationDto; placements: PlacementDto[] | null }
  | { kind: 'changed'; application: ApplicationDto }
  | { kind: 'renewed'; placement: PlacementDto }
  | { kind: 'accepted'; placement: PlacementDto }
  | { kind: 'declined'; placement: PlacementDto };

export type EnrolProblem =
  /** Enrolment is not stored for later like a check-in: without the server nothing can be done. */
  | { kind: 'offline' }
  | { kind: 'unknownCard'; code: string }
  | { kind: 'busy'; retryAfter?: number }
  /** The server said no, in its words (`messageZh` in Chinese). */
  | { kind: 'refused'; message: string }
  /** Sent, and no answer came: whether it arrived is unknown. Trying again with the same key is safe. */
  | { kind: 'unsure'; action: Action }
  /** No term is open for applications on this kiosk (the window closed meanwhile). */
  | { kind: 'noTerm' };

export interface NameScreen {
  name: 'name';
  text: string;
  results: MemberHit[] | null;
  searching: boolean;
}

/** Where "back" goes from a look-up: the card prompt, or the name search as it was. */
export type Origin = { name: 'start' } | NameScreen;

/** Where the class choice was opened from: straight after the look-up, or the member's overview. */
export type ChooseFrom = 'start' | 'overview';

export type EnrolScreen =
  | { name: 'off' }
  | { name: 'start' }
  | NameScreen
  | { name: 'loading'; ref: MemberRef; from: Origin }
  /** The member's term at a glance: an offered seat, their renewal, their application and places. */
  | { name: 'overview'; visitor: Visitor; note?: 'alreadyApplied' }
  | { name: 'choose'; visitor: Visitor; picks: string[]; page: number; applicationId: string | null; from: ChooseFrom }
  | { name: 'confirm'; visitor: Visitor; picks: string[]; applicationId: string | null; from: ChooseFrom }
  | { name: 'sending'; visitor: Visitor; action: Action; back: EnrolScreen }
  | { name: 'result'; visitor: Visitor; outcome: Outcome }
  | { name: 'problem'; problem: EnrolProblem; back: EnrolScreen };

export interface EnrolState {
  screen: EnrolScreen;
  ticket: number;
}

export interface EnrolContext {
  /** False when the kiosk knows the line is down. */
  online: boolean;
  /** The term the kiosk offers now and for what, or null. */
  term: { term: Pick<TermDto, 'id' | 'mode' | 'choicesPerApplication'>; window: TermWindow } | null;
}

export type EnrolEvent =
  | { type: 'open' }
  | { type: 'scan'; code: string }
  | { type: 'openName' }
  // The name search's own events (the check-in's name screen sends them: screens/Name.svelte).
  | { type: 'text'; text: string }
  | { type: 'searchResult'; ticket: number; members: MemberHit[] }
  | { type: 'searchFailed'; ticket: number; offline: boolean; busy?: boolean; retryAfter?: number; message: string }
  | { type: 'pick'; member: MemberHit }
  | { type: 'loaded'; ticket: number; view: EligibilityDto; key: string; note?: 'alreadyApplied' }
  | { type: 'lookupFailed'; ticket: number; problem: EnrolProblem }
  | { type: 'toggle'; classId: string }
  | { type: 'move'; index: number; delta: -1 | 1 }
  | { type: 'page'; delta: number; pages: number }
  /** From the overview: choose classes (again, to change an application's choices). */
  | { type: 'choose' }
  | { type: 'next' }
  | { type: 'submit' }
  | { type: 'renew'; classId: string }
  | { type: 'accept'; placementId: string; classId: string }
  | { type: 'decline'; placementId: string; classId: string }
  | { type: 'sent'; ticket: number; outcome: Outcome }
  | { type: 'refused'; ticket: number; problem: EnrolProblem }
  | { type: 'retry' }
  /** From a result: back to the member's overview, read again. */
  | { type: 'again' }
  | { type: 'back' }
  | { type: 'home' };

export type EnrolEffect =
  /** `key`: the visitor's key to keep (a reload of the same visitor); null makes a new one. */
  | { kind: 'eligibility'; ticket: number; ref: MemberRef; key: string | null }
  | { kind: 'search'; ticket: number; query: string }
  | { kind: 'send'; ticket: number; visitor: Visitor; action: Action }
  /** Say what the screen now shows (the read-back before sending, the result, an offered seat). */
  | { kind: 'announce' };
