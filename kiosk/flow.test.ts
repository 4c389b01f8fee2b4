import { describe, expect, it } from 'vitest';
import type { MemberHit } from './checkin-types.ts';
import {
  checkInRequest,
  countdownSeconds,
  DONE_MS,
  IDLE_MS,
  idleAfterMs,
  isNewVisitor,
  WARN_MS,
  initialFlow,
  initialOf,
  hasNameAndDigits,
  isLastFourAlone,
  isPartialNumber,
  MAX_CODE_LENGTH,
  phoneProgress,
  phoneSearchBlocked,
  waitMinutes,
  pageCount,
  pageOf,
  step,
  type Choice,
  type Done,
  type Flow,
  type FlowContext,
  type FlowEvent,
  type Screen,
} from './flow.ts';

const online: FlowContext = { venueId: 'v1', online: true };
const offline: FlowContext = { venueId: 'v1', online: false };

/** Runs events in order; returns the last flow and every effect produced. */
function run(events: FlowEvent[], context = online, flow: Flow = initialFlow()) {
  const effects = [];
  for (const event of events) {
    const next = step(flow, event, context);
    flow = next.flow;
    effects.push(...next.effects);
  }
  return { flow, effects, screen: flow.screen };
}

const member: MemberHit = { id: 'm1', name: '杜荣', memberNo: null, category: 'retired', phone: '135****0166' };
const calligraphy: Choice = {
  kind: 'activity',
  bookingId: 'b1',
  roomId: 'r1',
  title: '书法一班',
  start: '2026-11-29T01:00:00Z',
  end: '2026-11-29T02:30:00Z',
};
const done = (extra: Partial<Done> = {}): Done => ({ key: 'k1', queued: false, name: '杜荣', visitId: 'visit1', movedFrom: null, ...extra });

describe('card flow', () => {
  it('scan → look up → choose → sent: three steps, with the effects to run', () => {
    let r = run([{ type: 'scan', code: ' QJ2020001 ' }]);
    expect(r.screen).toEqual({ name: 'lookup', code: 'QJ2020001', from: { name: 'welcome' } });
    expect(r.effects).toEqual([{ kind: 'lookupCard', ticket: 1, code: 'QJ2020001' }]);

    r = run([{ type: 'cardFound', ticket: 1, member: { id: 'm1', name: '杜荣' } }, { type: 'choose', choice: calligraphy }], online, r.flow);
    expect(r.screen).toMatchObject({ name: 'sending', who: { kind: 'card', code: 'QJ2020001', member: { name: '杜荣' } } });
    expect(r.effects).toEqual([
      { kind: 'checkIn', ticket: 2, request: { venueId: 'v1', memberCode: 'QJ2020001', bookingId: 'b1' } },
    ]);

    r = run([{ type: 'sent', ticket: 2, done: done() }], online, r.flow);
    expect(r.screen).toMatchObject({ name: 'done', choice: calligraphy, done: { name: '杜荣' } });
    expect(r.effects).toEqual([{ kind: 'announce' }]);
  });

  it('says so, with a way back, when the card is unknown', () => {
    const r = run([
      { type: 'scan', code: 'NOPE1234' },
      { type: 'cardUnknown', ticket: 1 },
    ]);
    expect(r.screen).toEqual({ name: 'problem', problem: { kind: 'unknownCard', code: 'NOPE1234' }, back: { name: 'welcome' } });
    expect(run([{ type: 'back' }], online, r.flow).screen).toEqual({ name: 'welcome' });
  });

  it('offline: goes straight to the activities with the card, no name', () => {
    const r = run([{ type: 'scan', code: 'QJ2020001' }], offline);
    expect(r.screen).toMatchObject({ name: 'activity', who: { kind: 'card', code: 'QJ2020001', member: null } });
    expect(r.effects).toEqual([]);
  });

  it('drops stale answers: a second scan wins over the first lookup', () => {
    const r = run([
      { type: 'scan', code: 'QJ2020001' },
      { type: 'scan', code: 'QJ2020002' },
      { type: 'cardFound', ticket: 1, member: { id: 'm1', name: '杜荣' } },
    ]);
    expect(r.screen).toEqual({ name: 'lookup', code: 'QJ2020002', from: { name: 'welcome' } });
    const after = run([{ type: 'cardFound', ticket: 2, member: { id: 'm2', name: '钟振' } }], online, r.flow);
    expect(after.screen).toMatchObject({ who: { code: 'QJ2020002', member: { name: '钟振' } } });
  });

  it('ignores scans and back while a check-in is being sent, accepts them afterwards', () => {
    const sending = run([
      { type: 'scan', code: 'QJ2020001' },
      { type: 'cardFound', ticket: 1, member: null },
      { type: 'choose', choice: { kind: 'visit' } },
    ]);
    const r = run([{ type: 'scan', code: 'QJ2020002' }, { type: 'back' }, { type: 'home' }], online, sending.flow);
    expect(r.screen.name).toBe('sending');
    const next = run([{ type: 'sent', ticket: 2, done: done() }, { type: 'scan', code: 'QJ2020002' }], online, r.flow);
    expect(next.screen).toEqual({ name: 'lookup', code: 'QJ2020002', from: { name: 'welcome' } });
  });

  it('shows a refusal and lets them choose again', () => {
    const r = run([
      { type: 'scan', code: 'QJ2020001' },
      { type: 'cardFound', ticket: 1, member: null },
      { type: 'choose', choice: calligraphy },
      { type: 'refused', ticket: 2, problem: { kind: 'refused', message: 'This activity was not found.' } },
    ]);
    expect(r.screen).toMatchObject({ name: 'problem', problem: { message: 'This activity was not found.' } });
    expect(run([{ type: 'back' }], online, r.flow).screen).toMatchObject({ name: 'activity', who: { kind: 'card' } });
  });
});

describe('undo', () => {
  it('checks the visit out and returns to the choice, for the same person', () => {
    const r = run([
      { type: 'scan', code: 'QJ2020001' },
      { type: 'cardFound', ticket: 1, member: { id: 'm1', name: '杜荣' } },
      { type: 'choose', choice: calligraphy },
      { type: 'sent', ticket: 2, done: done() },
      { type: 'undo' },
    ]);
    expect(r.screen.name).toBe('undoing');
    expect(r.effects.at(-1)).toEqual({ kind: 'undo', ticket: 3, key: 'k1', visitId: 'visit1' });
    const after = run([{ type: 'undone', ticket: 3 }], online, r.flow);
    expect(after.screen).toMatchObject({ name: 'activity', page: 0, undone: true, who: { kind: 'card', member: { name: '杜荣' } } });
    // A new choice is a new intent: the controller makes a new key for it.
    expect(run([{ type: 'choose', choice: { kind: 'visit' } }], online, after.flow).effects).toEqual([
      { kind: 'checkIn', ticket: 4, request: { venueId: 'v1', memberCode: 'QJ2020001' } },
    ]);
  });
});

describe('phone and name search', () => {
  it('looks a mobile up only when its 11 digits are in, and picks a member', () => {
    const digits = (text: string) => text.split('').map((digit) => ({ type: 'digit' as const, digit }));
    // A part of a number is never searched (docs/security.md "Kiosk look-ups"): not 4 digits, not 10.
    let r = run([{ type: 'open', screen: 'phone' }, ...digits('1359083016')]);
    expect(r.screen).toMatchObject({ name: 'phone', digits: '1359083016', searching: false, results: null });
    expect(r.effects).toEqual([]);
    expect(run([{ type: 'searchPhone' }], online, r.flow).effects).toEqual([]);
    r = run([{ type: 'digit', digit: '6' }], online, r.flow);
    expect(r.effects).toEqual([{ kind: 'search', ticket: 2, query: '13590830166' }]);
    r = run([{ type: 'searchResult', ticket: 2, members: [member] }, { type: 'pick', member }], online, r.flow);
    expect(r.screen).toMatchObject({ name: 'activity', who: { kind: 'member', member } });
    // Back returns to the list as it was.
    expect(run([{ type: 'back' }], online, r.flow).screen).toEqual({ name: 'phone', digits: '13590830166', results: [member], searching: false });
  });

  it('looks a landline up with 查找, from seven digits on', () => {
    const digits = (text: string) => text.split('').map((digit) => ({ type: 'digit' as const, digit }));
    let r = run([{ type: 'open', screen: 'phone' }, ...digits('087412')]);
    expect(run([{ type: 'searchPhone' }], online, r.flow).effects).toEqual([]);
    r = run([...digits('345678')], online, r.flow);
    expect(r.screen).toMatchObject({ digits: '087412345678', results: null, searching: false });
    expect(r.effects).toEqual([]);
    // Twelve digits at most (area code and number); more are not taken.
    expect(run(digits('9'), online, r.flow).screen).toMatchObject({ digits: '087412345678' });
    r = run([{ type: 'searchPhone' }], online, r.flow);
    expect(r.screen).toMatchObject({ searching: true });
    expect(r.effects).toEqual([{ kind: 'search', ticket: r.flow.ticket, query: '087412345678' }]);
  });

  it('says kindly that the kiosk must wait when the server asks it to (429)', () => {
    const digits = '13590830166'.split('').map((digit) => ({ type: 'digit' as const, digit }));
    const r = run([{ type: 'open', screen: 'phone' }, ...digits, { type: 'searchFailed', ticket: 2, offline: false, busy: true, message: 'Too many' }]);
    expect(r.screen).toMatchObject({ name: 'problem', problem: { kind: 'busy' }, back: { name: 'phone', digits: '13590830166', searching: false } });
    const card = run([{ type: 'scan', code: 'QJ2020001' }, { type: 'cardBusy', ticket: 1 }]);
    expect(card.screen).toEqual({ name: 'problem', problem: { kind: 'busy' }, back: { name: 'welcome' } });
  });

  it('carries the wait the server gave to the wait screen, and whether the name search itself was refused', () => {
    const card = run([{ type: 'scan', code: 'QJ2020001' }, { type: 'cardBusy', ticket: 1, retryAfter: 481 }]);
    expect(card.screen).toEqual({ name: 'problem', problem: { kind: 'busy', retryAfter: 481 }, back: { name: 'welcome' } });
    // A nonsense wait is not shown as one.
    expect(run([{ type: 'scan', code: 'QJ2020001' }, { type: 'cardBusy', ticket: 1, retryAfter: -3 }]).screen).toMatchObject({ problem: { kind: 'busy' } });
    expect(run([{ type: 'scan', code: 'X1' }, { type: 'cardBusy', ticket: 1, retryAfter: Number.NaN }]).screen).toEqual({
      name: 'problem',
      problem: { kind: 'busy' },
      back: { name: 'welcome' },
    });
    const name = run([{ type: 'open', screen: 'name' }, { type: 'text', text: '杜' }, { type: 'searchFailed', ticket: 2, offline: false, busy: true, message: '', retryAfter: 30 }]);
    expect(name.screen).toMatchObject({ name: 'problem', problem: { kind: 'busy', retryAfter: 30, fromName: true } });
    // From the wait screen the name search opens at once (it is not limited like guessable look-ups).
    expect(run([{ type: 'open', screen: 'name' }], online, card.flow).screen).toEqual({ name: 'name', text: '', results: null, searching: false });
  });

  it('says the wait in whole minutes, rounded up, at least one', () => {
    expect(waitMinutes(600)).toBe(10);
    expect(waitMinutes(481)).toBe(9);
    expect(waitMinutes(61)).toBe(2);
    expect(waitMinutes(60)).toBe(1);
    expect(waitMinutes(1)).toBe(1);
  });

  it('counts the phone digits typed and says why 查找 cannot be pressed yet', () => {
    expect(phoneProgress('')).toEqual({ kind: 'mobile', n: 0, total: 11 });
    expect(phoneProgress('1380013')).toEqual({ kind: 'mobile', n: 7, total: 11 });
    expect(phoneProgress('0874123')).toEqual({ kind: 'landline', n: 7 });
    expect(phoneSearchBlocked('')).toBe('mobile');
    expect(phoneSearchBlocked('1380013')).toBe('mobile');
    expect(phoneSearchBlocked('087412')).toBe('short');
    expect(phoneSearchBlocked('0874123')).toBeNull();
    expect(phoneSearchBlocked('5551234')).toBeNull();
  });

  it('tells four figures alone on the name screen from a name with them', () => {
    expect(isPartialNumber('15841')).toBe(true);
    expect(isPartialNumber('158 4121 229')).toBe(true);
    expect(isPartialNumber('1741')).toBe(false);
    expect(isPartialNumber('15841212295')).toBe(false);
    expect(isPartialNumber('张 15841')).toBe(false);
    expect(hasNameAndDigits('余秀兰 1234')).toBe(true);
    expect(hasNameAndDigits('1234 余')).toBe(true);
    expect(hasNameAndDigits('余秀兰')).toBe(false);
    expect(hasNameAndDigits('15841212295')).toBe(false);
    expect(isLastFourAlone('1741')).toBe(true);
    expect(isLastFourAlone(' 1741 ')).toBe(true);
    expect(isLastFourAlone('张 1741')).toBe(false);
    expect(isLastFourAlone('174')).toBe(false);
    expect(isLastFourAlone('17411')).toBe(false);
  });

  it('edits digits with backspace and clear, refusing letters and an overlong number', () => {
    const r = run([
      { type: 'open', screen: 'phone' },
      ...'135908301660'.split('').map((digit) => ({ type: 'digit' as const, digit })),
      { type: 'digit', digit: 'x' },
    ]);
    expect(r.screen).toMatchObject({ digits: '13590830166' });
    expect(run([{ type: 'backspace' }], online, r.flow).screen).toMatchObject({ digits: '1359083016', results: null, searching: false });
    expect(run([{ type: 'clear' }], online, r.flow).screen).toMatchObject({ digits: '', results: null });
  });

  it('searches names as they are typed, and a number typed there only once it is a whole mobile', () => {
    const r = run([{ type: 'open', screen: 'name' }, { type: 'text', text: '杜' }]);
    expect(r.effects).toEqual([{ kind: 'search', ticket: 2, query: '杜' }]);
    const number = run([{ type: 'open', screen: 'name' }, { type: 'text', text: '1359083016' }]);
    expect(number.effects).toEqual([]);
    expect(run([{ type: 'text', text: '135 9083 0166' }], online, number.flow).effects).toEqual([{ kind: 'search', ticket: 2, query: '135 9083 0166' }]);
    expect(run([{ type: 'text', text: '杜荣 016' }], online, number.flow).effects).toEqual([{ kind: 'search', ticket: 2, query: '杜荣 016' }]);
    expect(run([{ type: 'text', text: '  ' }], online, r.flow).screen).toMatchObject({ results: null, searching: false });
  });

  it('needs the network: offline it says so and offers the card', () => {
    expect(run([{ type: 'open', screen: 'phone' }], offline).screen).toEqual({
      name: 'problem',
      problem: { kind: 'needsNetwork' },
      back: { name: 'welcome' },
    });
    const r = run([
      { type: 'open', screen: 'name' },
      { type: 'text', text: '杜荣' },
      { type: 'searchFailed', ticket: 2, offline: true, message: '' },
    ]);
    expect(r.screen).toMatchObject({ name: 'problem', problem: { kind: 'needsNetwork' } });
  });

  it('a scan on the search screen takes over', () => {
    const r = run([{ type: 'open', screen: 'name' }, { type: 'text', text: '杜' }, { type: 'scan', code: 'QJ2020001' }]);
    expect(r.screen).toEqual({ name: 'lookup', code: 'QJ2020001', from: { name: 'welcome' } });
  });
});

describe('walk-in guests', () => {
  it('counts between 1 and 50 and checks them in with the activity', () => {
    let r = run([{ type: 'open', screen: 'guests' }, { type: 'guestCount', delta: -1 }]);
    expect(r.screen).toEqual({ name: 'guests', count: 1 });
    r = run([{ type: 'guestCount', delta: 1 }, { type: 'guestCount', delta: 1 }, { type: 'guestsNext' }], online, r.flow);
    expect(r.screen).toMatchObject({ name: 'activity', who: { kind: 'guests', count: 3 } });
    r = run([{ type: 'choose', choice: calligraphy }], online, r.flow);
    expect(r.effects.at(-1)).toMatchObject({ request: { venueId: 'v1', guests: 3, bookingId: 'b1' } });
    expect(run([{ type: 'open', screen: 'guests' }, { type: 'guestCount', delta: 500 }]).screen).toEqual({ name: 'guests', count: 50 });
  });
});

describe('pages, idling and helpers', () => {
  it('pages the activities and clamps', () => {
    const activity = run([{ type: 'scan', code: 'QJ2020001' }], offline).flow;
    let r = run([{ type: 'page', delta: 1, pages: 3 }, { type: 'page', delta: 1, pages: 3 }, { type: 'page', delta: 1, pages: 3 }], online, activity);
    expect(r.screen).toMatchObject({ page: 2 });
    r = run([{ type: 'page', delta: -5, pages: 3 }], online, r.flow);
    expect(r.screen).toMatchObject({ page: 0 });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(9, 4)).toBe(3);
    expect(pageOf([1, 2, 3, 4, 5, 6, 7, 8, 9], 2, 4)).toEqual([9]);
    expect(pageOf([1, 2, 3], 7, 4)).toEqual([1, 2, 3]);
  });

  it('goes home within seconds after the confirmation, after a short untouched pause elsewhere, never while sending', () => {
    const activity = { name: 'activity', page: 0, who: { kind: 'member', member }, from: { name: 'welcome' } } as const;
    expect(idleAfterMs({ name: 'welcome' })).toBeNull();
    expect(idleAfterMs({ name: 'sending', choice: { kind: 'visit' }, who: { kind: 'guests', count: 1 }, from: { name: 'welcome' } })).toBeNull();
    // The confirmation (a name, and 撤销 for the next person to press) goes by itself within seconds.
    const confirmation = idleAfterMs({ ...activity, name: 'done', choice: calligraphy, done: done() })!;
    expect(confirmation).toBeGreaterThanOrEqual(5_000);
    expect(confirmation).toBeLessThanOrEqual(8_000);
    // A screen with a member's name on it: well under a minute, but not under a slow finger.
    const screens: Screen[] = [activity, { name: 'phone', digits: '13590830166', results: [member], searching: false }, { name: 'code', text: 'QJ' }];
    for (const screen of screens) {
      expect(idleAfterMs(screen)).toBeGreaterThanOrEqual(20_000);
      expect(idleAfterMs(screen)).toBeLessThanOrEqual(30_000);
    }
    expect(idleAfterMs({ name: 'problem', problem: { kind: 'unknownCard' }, back: { name: 'welcome' } })).toBe(IDLE_MS);
    // Welcome in another language than the kiosk's own goes back to it after the same pause.
    expect(idleAfterMs({ name: 'welcome' }, false)).toBe(IDLE_MS);
  });

  it('counts down the whole confirmation, and the last seconds elsewhere', () => {
    const activity = { name: 'activity', page: 0, who: { kind: 'member', member }, from: { name: 'welcome' } } as const;
    expect(countdownSeconds({ ...activity, name: 'done', choice: calligraphy, done: done() }, DONE_MS)).toBe(DONE_MS / 1000);
    expect(countdownSeconds(activity, IDLE_MS)).toBeNull();
    expect(countdownSeconds(activity, WARN_MS)).toBe(WARN_MS / 1000);
    expect(countdownSeconds(activity, 1_200)).toBe(2);
    expect(countdownSeconds(activity, 0)).toBe(1);
    expect(countdownSeconds({ name: 'welcome' }, 5_000)).toBeNull();
    expect(countdownSeconds(activity, null)).toBeNull();
  });

  it('starts a new visitor whenever the kiosk comes back to welcome', () => {
    const activity = { name: 'activity', page: 0, who: { kind: 'member', member }, from: { name: 'welcome' } } as const;
    expect(isNewVisitor(activity, { name: 'welcome' })).toBe(true);
    expect(isNewVisitor({ name: 'welcome' }, { name: 'welcome' })).toBe(false);
    expect(isNewVisitor({ name: 'welcome' }, { name: 'code', text: '' })).toBe(false);
  });

  it('reports a camera that cannot start', () => {
    expect(run([{ type: 'open', screen: 'camera' }, { type: 'cameraFailed' }]).screen).toMatchObject({ problem: { kind: 'noCamera' } });
  });

  it('builds requests and initials', () => {
    expect(checkInRequest('v1', { kind: 'member', member }, { kind: 'visit' })).toEqual({ venueId: 'v1', memberId: 'm1' });
    expect(initialOf('王建国')).toBe('王');
    expect(initialOf(null)).toBe('');
  });
});

describe('typed card code', () => {
  const typed = (keys: string[]) => run([{ type: 'open', screen: 'code' }, ...keys.map((key): FlowEvent => ({ type: 'codeKey', key }))]);

  it('takes letters, digits and dashes, upper-case, and looks the card up like a scan', () => {
    let r = typed(['q', 'J', '2', '0', '-', '1', ' ', '%']);
    expect(r.screen).toEqual({ name: 'code', text: 'QJ20-1' });
    r = run([{ type: 'backspace' }, { type: 'digit', digit: '7' }, { type: 'submitCode' }], online, r.flow);
    expect(r.screen).toEqual({ name: 'lookup', code: 'QJ20-7', from: { name: 'code', text: 'QJ20-7' } });
    expect(r.effects).toEqual([{ kind: 'lookupCard', ticket: r.flow.ticket, code: 'QJ20-7' }]);
    r = run([{ type: 'cardFound', ticket: r.flow.ticket, member: { id: 'm1', name: '杜荣' } }], online, r.flow);
    expect(r.screen).toMatchObject({ name: 'activity', who: { kind: 'card', code: 'QJ20-7', member: { name: '杜荣' } } });
  });

  it('goes back to the typed code from an unknown card, to correct it', () => {
    let r = typed(['Q', 'X']);
    r = run([{ type: 'submitCode' }], online, r.flow);
    r = run([{ type: 'cardUnknown', ticket: r.flow.ticket }], online, r.flow);
    expect(r.screen).toEqual({ name: 'problem', problem: { kind: 'unknownCard', code: 'QX' }, back: { name: 'code', text: 'QX' } });
    expect(run([{ type: 'back' }], online, r.flow).screen).toEqual({ name: 'code', text: 'QX' });
    // The problem screen offers the phone and the name instead.
    expect(run([{ type: 'open', screen: 'phone' }], online, r.flow).screen).toMatchObject({ name: 'phone', digits: '' });
    expect(run([{ type: 'open', screen: 'name' }], online, r.flow).screen).toMatchObject({ name: 'name', text: '' });
  });

  it('sends nothing for an empty code, clears, and stops at the longest code', () => {
    expect(run([{ type: 'open', screen: 'code' }, { type: 'submitCode' }]).effects).toEqual([]);
    expect(run([{ type: 'clear' }], online, typed(['A', 'B']).flow).screen).toEqual({ name: 'code', text: '' });
    expect((typed(Array.from({ length: 40 }, () => '9')).screen as { text: string }).text).toHaveLength(MAX_CODE_LENGTH);
  });

  it('works offline like a scan: the card goes with the check-in', () => {
    let r = run([{ type: 'open', screen: 'code' }, { type: 'codeKey', key: 'Q' }], offline);
    r = run([{ type: 'submitCode' }], offline, r.flow);
    expect(r.screen).toMatchObject({ name: 'activity', who: { kind: 'card', code: 'Q', member: null }, from: { name: 'code' } });
  });
});
