import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.ts';

const ev = (topic: string, seq: number) => ({ topic, seq });

describe('SeqTracker', () => {
  it('asks for a reload on the first subscribe and then continues from the ack', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    expect(t.afterFor('venue:a')).toBeUndefined();
    expect(t.acknowledge('venue:a', { seq: 10 })).toEqual({ resync: true });
    expect(t.finishResync('venue:a')).toEqual([]);
    expect(t.afterFor('venue:a')).toBe(10);
    expect(t.admit(ev('venue:a', 11))).toBe('apply');
    expect(t.afterFor('venue:a')).toBe(11);
  });

  it('drops events at or below the last applied seq', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    t.acknowledge('venue:a', { seq: 5 });
    t.finishResync('venue:a');
    expect(t.admit(ev('venue:a', 5))).toBe('drop');
    expect(t.admit(ev('venue:a', 3))).toBe('drop');
    expect(t.admit(ev('venue:a', 7))).toBe('apply');
    expect(t.admit(ev('venue:a', 7))).toBe('drop');
    expect(t.admit(ev('venue:a', 6))).toBe('drop');
  });

  it('drops events of topics it does not track', () => {
    const t = new SeqTracker();
    expect(t.admit(ev('venue:x', 1))).toBe('drop');
  });

  it('does not reload on a resubscribe with a known seq unless the server says so', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    t.acknowledge('venue:a', { seq: 5 });
    t.finishResync('venue:a');
    t.admit(ev('venue:a', 8));
    expect(t.afterFor('venue:a')).toBe(8);
    expect(t.acknowledge('venue:a', { seq: 12 })).toEqual({ resync: false });
    expect(t.acknowledge('venue:a', { seq: 20, resync: true })).toEqual({ resync: true });
    expect(t.lastSeq('venue:a')).toBe(20);
  });

  it('never moves backwards when live events overtake the ack', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    t.acknowledge('venue:a', { seq: 5 });
    t.finishResync('venue:a');
    t.admit(ev('venue:a', 9));
    t.acknowledge('venue:a', { seq: 7 });
    expect(t.lastSeq('venue:a')).toBe(9);
  });

  it('holds events during a resync and releases the newer ones in order, once', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    t.acknowledge('venue:a', { seq: 10 });
    expect(t.admit(ev('venue:a', 13))).toBe('hold');
    expect(t.admit(ev('venue:a', 12))).toBe('hold');
    expect(t.admit(ev('venue:a', 12))).toBe('hold');
    expect(t.admit(ev('venue:a', 9))).toBe('drop');
    expect(t.finishResync('venue:a').map((e) => e.seq)).toEqual([12, 13]);
    expect(t.lastSeq('venue:a')).toBe(13);
    expect(t.finishResync('venue:a')).toEqual([]);
  });

  it('keeps topics apart', () => {
    const t = new SeqTracker();
    t.track('venue:a');
    t.track('tournament:b');
    t.acknowledge('venue:a', { seq: 10 });
    t.acknowledge('tournament:b', { seq: 10 });
    t.finishResync('venue:a');
    t.finishResync('tournament:b');
    expect(t.admit(ev('venue:a', 11))).toBe('apply');
    expect(t.admit(ev('tournament:b', 11))).toBe('apply');
    t.forget('venue:a');
    expect(t.isTracked('venue:a')).toBe(false);
    expect(t.topics()).toEqual(['tournament:b']);
  });
});
