import { describe, expect, it } from 'vitest';
import { actorOf, created, diff, SYSTEM_ACTOR, withoutSecrets } from './record.ts';

describe('audit entries', () => {
  it('never keep a secret, at any depth', () => {
    expect(
      withoutSecrets({
        username: 'wang',
        password: 'x',
        passwordHash: 'scrypt$…',
        tokenHash: 'abc',
        nested: [{ token: 't', pairingCode: '12345678', pairing_code: '1', keep: 1 }],
        at: new Date('2026-12-01T00:00:00Z'),
      }),
    ).toEqual({ username: 'wang', nested: [{ keep: 1 }], at: '2026-12-01T00:00:00.000Z' });
  });

  it('record only the fields that changed, before → after, dates as ISO strings', () => {
    const before = { title: '太极', start: new Date('2026-12-01T01:00:00Z'), notes: null as string | null, venueIds: ['a', 'b'] };
    const after = { title: '太极', start: new Date('2026-12-01T02:00:00Z'), notes: '带水', venueIds: ['a', 'b'] };
    expect(diff(before, after, ['title', 'start', 'notes', 'venueIds'])).toEqual({
      start: { from: '2026-12-01T01:00:00.000Z', to: '2026-12-01T02:00:00.000Z' },
      notes: { from: null, to: '带水' },
    });
    expect(created({ name: '李', phone: null, notes: '', venueIds: [] as string[], role: 'admin' }, ['name', 'phone', 'notes', 'venueIds', 'role'])).toEqual({
      name: { from: null, to: '李' },
      role: { from: null, to: 'admin' },
    });
  });

  it('name the actor from the principal', () => {
    expect(actorOf({ kind: 'user', userId: 'u1', username: 'admin', role: 'admin', venueIds: [], sessionId: 's' })).toEqual({ kind: 'user', id: 'u1', name: 'admin' });
    expect(actorOf({ kind: 'device', deviceId: 'd1', deviceKind: 'kiosk', venueId: 'v', name: '前台' })).toEqual({ kind: 'device', id: 'd1', name: '前台' });
    expect(actorOf(null)).toEqual(SYSTEM_ACTOR);
  });
});
