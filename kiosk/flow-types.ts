/**
 * The shapes of the kiosk's check-in flow (flow.ts): who is checking in, what they chose, the screens, the
 * events that move between them and the effects the controller runs.
 */
import type { CheckInRequest, MemberHit } from './checkin-types.ts';

/** Who is checking in: a scanned card (name known once looked up; not while offline), a member, or guests. */
export type Who =
  | { kind: 'card'; code: string; member: { id: string; name: string } | null }
  | { kind: 'member'; member: MemberHit }
  | { kind: 'guests'; count: number };

export type Choice =
  | { kind: 'activity'; bookingId: string; roomId: string; title: string; start: string; end: string }
  | { kind: 'visit' };

export interface Done {
  key: string;
  /** Stored for later: the line was down. */
  queued: boolean;
  name: string | null;
  visitId: string | null;
  /** The room of the earlier visit this check-in ended (null room: the venue), when they were moved. */
  movedFrom: { roomId: string | null } | null;
}

export type Problem =
  /** `code`: what was scanned or typed, shown so a member can see a misread or a typo. */
  | { kind: 'unknownCard'; code?: string }
  | { kind: 'needsNetwork' }
  | { kind: 'noCamera' }
  | { kind: 'refused'; message: string }
  /**
   * The server asks this kiosk to slow down (429: too many look-ups or wrong cards); try again shortly.
   * `retryAfter`: the seconds the server said to wait, when it said (shown in whole minutes). `fromName`: a
   * name search itself was refused (every look-up counts toward the per-minute limit), so the screen does not
   * offer the name search as the way on.
   */
  | { kind: 'busy'; retryAfter?: number; fromName?: true };

export type EntryScreen =
  | { name: 'phone'; digits: string; results: MemberHit[] | null; searching: boolean }
  /** The card's code typed from the print on the card (the scanner and the camera cannot read it). */
  | { name: 'code'; text: string }
  | { name: 'name'; text: string; results: MemberHit[] | null; searching: boolean }
  | { name: 'guests'; count: number };

/** Where "back" from the activity choice goes: the welcome screen, or the entry screen as it was. */
export type Origin = { name: 'welcome' } | EntryScreen;

export interface Visitor {
  who: Who;
  from: Origin;
}

export type Screen =
  | { name: 'welcome' }
  /** `from`: where "back" goes once the card is known (the code screen when it was typed). */
  | { name: 'lookup'; code: string; from: Origin }
  | { name: 'camera' }
  | EntryScreen
  /** `undone`: the member just took a check-in back; the screen says so (it looks like the one before). */
  | ({ name: 'activity'; page: number; undone?: true } & Visitor)
  | ({ name: 'sending'; choice: Choice } & Visitor)
  | ({ name: 'done'; choice: Choice; done: Done } & Visitor)
  | ({ name: 'undoing'; choice: Choice; done: Done } & Visitor)
  | { name: 'problem'; problem: Problem; back: Screen };

export interface Flow {
  screen: Screen;
  ticket: number;
}

export type FlowEvent =
  | { type: 'scan'; code: string }
  | { type: 'cardFound'; ticket: number; member: { id: string; name: string } | null }
  | { type: 'cardUnknown'; ticket: number }
  /** The card could not be looked up now: this kiosk made too many look-ups (429). */
  | { type: 'cardBusy'; ticket: number; retryAfter?: number }
  | { type: 'open'; screen: 'camera' | 'phone' | 'name' | 'guests' | 'code' }
  | { type: 'digit'; digit: string }
  /** A key of the card-code keyboard (a letter, a digit or "-"). */
  | { type: 'codeKey'; key: string }
  | { type: 'submitCode' }
  | { type: 'backspace' }
  | { type: 'clear' }
  | { type: 'text'; text: string }
  | { type: 'searchResult'; ticket: number; members: MemberHit[] }
  | { type: 'searchFailed'; ticket: number; offline: boolean; message: string; busy?: boolean; retryAfter?: number }
  /** 查找 on the phone keypad: a landline, or any whole number that is not an 11-digit mobile. */
  | { type: 'searchPhone' }
  | { type: 'pick'; member: MemberHit }
  | { type: 'guestCount'; delta: number }
  | { type: 'guestsNext' }
  | { type: 'page'; delta: number; pages: number }
  | { type: 'choose'; choice: Choice }
  | { type: 'sent'; ticket: number; done: Done }
  | { type: 'refused'; ticket: number; problem: Problem }
  | { type: 'undo' }
  | { type: 'undone'; ticket: number }
  | { type: 'cameraFailed' }
  | { type: 'back' }
  | { type: 'home' };

export type Effect =
  | { kind: 'lookupCard'; ticket: number; code: string }
  | { kind: 'search'; ticket: number; query: string }
  | { kind: 'checkIn'; ticket: number; request: CheckInRequest }
  | { kind: 'undo'; ticket: number; key: string; visitId: string | null }
  | { kind: 'announce' };

export interface FlowContext {
  venueId: string;
  /** False when the kiosk knows the line is down: card check-ins go straight on, searches are not offered. */
  online: boolean;
}
