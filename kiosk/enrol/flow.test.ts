import { describe, expect, it } from 'vitest';
import { IDLE_MS, WARN_MS } from '../flow.ts';
import {
  countdownSeconds,
  idleAfterMs,
  initialEnrol,
  READING_MS,
  RESULT_MS,
  step,
  type EnrolContext,
  type EnrolEffect,
  type EnrolEvent,
  type EnrolState,
  type Visitor,
} from './flow.ts';
import type { ApplicationDto, EligibilityDto, PlacementDto } from './types.ts';

const term = { id: 't1', mode: 'lottery' as const, choicesPerApplication: 3 };
const applying: EnrolContext = { online: true, term: { term, window: 'applying' } };
const firstCome: EnrolContext = { online: true, term: { term: { ...term, mode: 'first_come' }, window: 'applying' } };
const renewal: EnrolContext = { online: true, term: { term, window: 'renewal' } };
const offline: EnrolContext = { ...applying, online: false };

const member = { id: 'm1', name: '张建国' };
const view = (fields: Partial<EligibilityDto> = {}): EligibilityDto => ({
  member,
  classes: [
    { classId: 'a', eligible: true },
    { classId: 'b', eligible: true },
    { classId: 'c', eligible: true },
    { classId: 'd', eligible: true },
    { classId: 'x', eligible: false, reason: { code: 'age', zh: '年龄不符', en: 'Age' } },
  ],
  application: null,
  placements: [],
  ...fields,
});
const application = (choices: string[]): ApplicationDto => ({
  id: 'app1',
  termId: 't1',
  memberId: 'm1',
  choices,
  channel: 'kiosk',
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
});
const offered: PlacementDto = {
  id: 'p1',
  termId: 't1',
  applicationId: 'app1',
  memberId: 'm1',
  classId: 'b',
  status: 'offered',
  position: null,
  source: 'draw',
  offerExpiresAt: '2027-01-03T00:00:00Z',
  payBy: null,
  paidAt: null,
  receiptNo: null,
  amountCents: null,
  withdrawnReason: null,
};

/** Runs events in order, answering each effect's ticket where the event asks for it (`ticket: -1`). */
function run(events: EnrolEvent[], context = applying, state: EnrolState = initialEnrol()) {
  const effects: EnrolEffect[] = [];
  for (const event of events) {
    const withTicket = 'ticket' in event && event.ticket === -1 ? { ...event, ticket: state.ticket } : event;
    const next = step(state, withTicket, context);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, screen: state.screen, effects };
}
const T = -1;

describe('enrolment at the kiosk: card to choices', () => {
  it('goes from 报名 and a scanned card to the classes, looking the card up once', () => {
    const { screen, effects } = run([{ type: 'open' }, { type: 'scan', code: ' ZJG2026001 ' }]);
    expect(screen).toMatchObject({ name: 'loading', ref: { memberCode: 'ZJG2026001' } });
    expect(effects).toEqual([{ kind: 'eligibility', ticket: 2, ref: { memberCode: 'ZJG2026001' }, key: null }]);
    const after = run([{ type: 'open' }, { type: 'scan', code: 'ZJG2026001' }, { type: 'loaded', ticket: T, view: view(), key: 'k1' }]);
    expect(after.screen).toMatchObject({ name: 'choose', picks: [], applicationId: null, from: 'start', visitor: { key: 'k1', ref: { memberCode: 'ZJG2026001' } } });
  });

  it('finds a member by name with the check-in’s rule and looks them up by id', () => {
    const hit = { id: 'm1', name: '张建国', memberNo: null, category: 'retired', phone: '138****0166' };
    const typed = run([{ type: 'open' }, { type: 'openName' }, { type: 'text', text: '1381234' }]);
    expect(typed.screen).toMatchObject({ name: 'name', searching: false });
    expect(typed.effects).toEqual([]);
    const { screen, effects } = run([
      { type: 'open' },
      { type: 'openName' },
      { type: 'text', text: 'zjg' },
      { type: 'searchResult', ticket: T, members: [hit] },
      { type: 'pick', member: hit },
    ]);
    expect(effects.map((e) => e.kind)).toEqual(['search', 'eligibility']);
    expect(screen).toMatchObject({ name: 'loading', ref: { memberId: 'm1' }, from: { name: 'name', text: 'zjg', searching: false } });
    // Back from the look-up returns to the list as it was.
    expect(step({ screen, ticket: 9 }, { type: 'back' }, applying).state.screen).toMatchObject({ name: 'name', results: [hit] });
  });

  it('drops an answer to a look-up that was left', () => {
    const left = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'back' }]);
    const stale = step(left.state, { type: 'loaded', ticket: left.state.ticket - 1, view: view(), key: 'k' }, applying);
    expect(stale.state.screen).toEqual({ name: 'start' });
  });

  it('picks in order, reorders and takes out; skips classes the member may not choose', () => {
    const base = [{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view(), key: 'k' }] as EnrolEvent[];
    const { screen } = run([
      ...base,
      { type: 'toggle', classId: 'b' },
      { type: 'toggle', classId: 'x' },
      { type: 'toggle', classId: 'a' },
      { type: 'toggle', classId: 'c' },
      { type: 'toggle', classId: 'd' },
      { type: 'move', index: 1, delta: -1 },
      { type: 'toggle', classId: 'c' },
    ]);
    expect(screen).toMatchObject({ name: 'choose', picks: ['a', 'b'] });
  });

  it('reads the choices back before sending and sends them with the visitor’s key', () => {
    const { screen, effects } = run([
      { type: 'open' },
      { type: 'scan', code: 'A1' },
      { type: 'loaded', ticket: T, view: view(), key: 'k1' },
      { type: 'next' },
      { type: 'toggle', classId: 'c' },
      { type: 'toggle', classId: 'a' },
      { type: 'next' },
    ]);
    expect(screen).toMatchObject({ name: 'confirm', picks: ['c', 'a'] });
    expect(effects.at(-1)).toEqual({ kind: 'announce' });
    // The order can be changed on the read-back, which is read out again.
    const moved = step({ screen, ticket: 5 }, { type: 'move', index: 1, delta: -1 }, applying);
    expect(moved.state.screen).toMatchObject({ name: 'confirm', picks: ['a', 'c'] });
    expect(moved.effects).toEqual([{ kind: 'announce' }]);
    const sent = step({ screen, ticket: 5 }, { type: 'submit' }, applying);
    expect(sent.state.screen).toMatchObject({ name: 'sending', action: { kind: 'apply', choices: ['c', 'a'] } });
    expect(sent.effects).toEqual([{ kind: 'send', ticket: 6, visitor: expect.objectContaining({ key: 'k1' }), action: { kind: 'apply', choices: ['c', 'a'] } }]);
    // No answer: trying again sends the same action with the same visitor (and key).
    const lost = step(sent.state, { type: 'refused', ticket: 6, problem: { kind: 'unsure', action: { kind: 'apply', choices: ['c', 'a'] } } }, applying);
    const again = step(lost.state, { type: 'retry' }, applying);
    expect(again.effects).toEqual([{ kind: 'send', ticket: 7, visitor: expect.objectContaining({ key: 'k1' }), action: { kind: 'apply', choices: ['c', 'a'] } }]);
    // A back from the problem goes to the read-back, choices kept.
    expect(step(lost.state, { type: 'back' }, applying).state.screen).toMatchObject({ name: 'confirm', picks: ['c', 'a'] });
  });

  it('shows the result and speaks it; 完成 goes home', () => {
    const app = application(['c', 'a']);
    const sending = run([
      { type: 'open' },
      { type: 'scan', code: 'A1' },
      { type: 'loaded', ticket: T, view: view(), key: 'k1' },
      { type: 'toggle', classId: 'c' },
      { type: 'next' },
      { type: 'submit' },
      { type: 'sent', ticket: T, outcome: { kind: 'applied', application: app, placements: null } },
    ]);
    expect(sending.screen).toMatchObject({ name: 'result', outcome: { kind: 'applied' } });
    expect(sending.effects.at(-1)).toEqual({ kind: 'announce' });
    expect(step(sending.state, { type: 'home' }, applying).state.screen).toEqual({ name: 'off' });
  });

  it('cannot leave or be taken over while sending', () => {
    const sending = run([
      { type: 'open' },
      { type: 'scan', code: 'A1' },
      { type: 'loaded', ticket: T, view: view(), key: 'k1' },
      { type: 'toggle', classId: 'a' },
      { type: 'next' },
      { type: 'submit' },
    ]);
    for (const event of [{ type: 'back' }, { type: 'home' }, { type: 'scan', code: 'B2' }] as EnrolEvent[]) {
      expect(step(sending.state, event, applying).state).toBe(sending.state);
    }
  });

  it('keeps the choices when the same card is swiped again, and starts over for another card', () => {
    const choosing = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view(), key: 'k' }, { type: 'toggle', classId: 'a' }]);
    expect(step(choosing.state, { type: 'scan', code: 'a1' }, applying).state).toBe(choosing.state);
    expect(step(choosing.state, { type: 'scan', code: 'B2' }, applying).state.screen).toMatchObject({ name: 'loading', ref: { memberCode: 'B2' } });
  });
});

describe('enrolment at the kiosk: what else a member may find', () => {
  it('shows an existing application instead of a new choice, and a lottery’s choices can be changed', () => {
    const { screen } = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view({ application: application(['b', 'x', 'a']) }), key: 'k' }]);
    expect(screen.name).toBe('overview');
    const change = step({ screen, ticket: 3 }, { type: 'choose' }, applying);
    // The class no longer possible is dropped; the order stays.
    expect(change.state.screen).toMatchObject({ name: 'choose', picks: ['b', 'a'], applicationId: 'app1', from: 'overview' });
    const confirm = run([{ type: 'move', index: 1, delta: -1 }, { type: 'next' }, { type: 'submit' }], applying, change.state);
    expect(confirm.effects.at(-1)).toMatchObject({ kind: 'send', action: { kind: 'change', applicationId: 'app1', choices: ['a', 'b'] } });
    // Unchanged choices are not sent: back to the overview.
    const unchanged = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view({ application: application(['b', 'a']) }), key: 'k' }, { type: 'choose' }, { type: 'next' }, { type: 'submit' }]);
    expect(unchanged.screen.name).toBe('overview');
    expect(unchanged.effects.some((e) => e.kind === 'send')).toBe(false);
  });

  it('does not reopen a first-come application’s choices', () => {
    const { state } = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view({ application: application(['a']) }), key: 'k' }], firstCome);
    expect(step(state, { type: 'choose' }, firstCome).state).toBe(state);
  });

  it('opens on an offered seat, speaks it, and accepts it', () => {
    const { screen, effects } = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view({ placements: [offered] }), key: 'k' }]);
    expect(screen.name).toBe('overview');
    expect(effects.at(-1)).toEqual({ kind: 'announce' });
    const accept = step({ screen, ticket: 2 }, { type: 'accept', placementId: 'p1', classId: 'b' }, applying);
    expect(accept.effects).toEqual([{ kind: 'send', ticket: 3, visitor: expect.anything(), action: { kind: 'accept', placementId: 'p1', classId: 'b' } }]);
  });

  it('confirms a continuing class in the renewal window', () => {
    const { screen } = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view(), key: 'k' }], renewal);
    expect(screen.name).toBe('overview');
    const renew = step({ screen, ticket: 2 }, { type: 'renew', classId: 'a' }, renewal);
    expect(renew.state.screen).toMatchObject({ name: 'sending', action: { kind: 'renew', classId: 'a' } });
  });

  it('after an application that was already there, shows it with a note', () => {
    const sending = run([
      { type: 'open' },
      { type: 'scan', code: 'A1' },
      { type: 'loaded', ticket: T, view: view(), key: 'k' },
      { type: 'toggle', classId: 'a' },
      { type: 'next' },
      { type: 'submit' },
      { type: 'loaded', ticket: T, view: view({ application: application(['b']) }), key: 'k', note: 'alreadyApplied' },
    ]);
    expect(sending.screen).toMatchObject({ name: 'overview', note: 'alreadyApplied' });
  });

  it('goes back to the overview from a result, read again with the same key', () => {
    const result = run([
      { type: 'open' },
      { type: 'scan', code: 'A1' },
      { type: 'loaded', ticket: T, view: view({ placements: [offered] }), key: 'k7' },
      { type: 'decline', placementId: 'p1', classId: 'b' },
      { type: 'sent', ticket: T, outcome: { kind: 'declined', placement: { ...offered, status: 'withdrawn', withdrawnReason: 'declined' } } },
      { type: 'again' },
    ]);
    expect(result.effects.at(-1)).toEqual({ kind: 'eligibility', ticket: result.state.ticket, ref: { memberCode: 'A1' }, key: 'k7' });
  });
});

describe('enrolment at the kiosk: online only, and home again', () => {
  it('says plainly that it needs the network, at 报名 and before sending', () => {
    expect(run([{ type: 'open' }], offline).screen).toEqual({ name: 'problem', problem: { kind: 'offline' }, back: { name: 'off' } });
    const confirm = run([{ type: 'open' }, { type: 'scan', code: 'A1' }, { type: 'loaded', ticket: T, view: view(), key: 'k' }, { type: 'toggle', classId: 'a' }, { type: 'next' }]);
    const refused = step(confirm.state, { type: 'submit' }, offline);
    expect(refused.state.screen).toMatchObject({ name: 'problem', problem: { kind: 'offline' }, back: { name: 'confirm' } });
    expect(refused.effects).toEqual([]);
  });

  it('says so when no term is open', () => {
    expect(run([{ type: 'open' }], { online: true, term: null }).screen).toMatchObject({ name: 'problem', problem: { kind: 'noTerm' } });
  });

  it('goes home after an untouched pause, never while waiting for the server', () => {
    const visitor = { ref: { memberCode: 'A1' }, view: view(), key: 'k' } as Visitor;
    expect(idleAfterMs({ name: 'off' })).toBeNull();
    expect(idleAfterMs({ name: 'loading', ref: { memberCode: 'A1' }, from: { name: 'start' } })).toBeNull();
    expect(idleAfterMs({ name: 'sending', visitor, action: { kind: 'apply', choices: ['a'] }, back: { name: 'start' } })).toBeNull();
    expect(idleAfterMs({ name: 'start' })).toBe(IDLE_MS);
    expect(idleAfterMs({ name: 'choose', visitor, picks: [], page: 0, applicationId: null, from: 'start' })).toBe(READING_MS);
    const result = { name: 'result' as const, visitor, outcome: { kind: 'changed' as const, application: application(['a']) } };
    expect(idleAfterMs(result)).toBe(RESULT_MS);
    expect(countdownSeconds(result, 25_500)).toBe(26);
    expect(countdownSeconds({ name: 'start' }, WARN_MS + 1)).toBeNull();
    expect(countdownSeconds({ name: 'start' }, 3_200)).toBe(4);
  });
});
