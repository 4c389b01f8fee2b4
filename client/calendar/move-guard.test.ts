import { describe, expect, it } from 'vitest';
import type { Booking } from '../lib/types.ts';
import { MoveGuard } from './move-guard.ts';

const booking = { id: 'b1', version: 3 } as Booking;

describe('move guard', () => {
  it('holds changes for a dragged booking until the drag stops', () => {
    const guard = new MoveGuard();
    expect(guard.defer('b1')).toBe(false);
    guard.begin('b1', booking);
    expect(guard.origin('b1')).toBe(booking);
    expect(guard.defer('b1')).toBe(true);
    expect(guard.defer('b2')).toBe(false);
    expect(guard.stop('b1')).toBe(true);
    expect(guard.defer('b1')).toBe(false);
    expect(guard.origin('b1')).toBeUndefined();
  });

  it('keeps holding through the save, and releases once', () => {
    const guard = new MoveGuard();
    guard.begin('b1', booking);
    guard.save('b1');
    expect(guard.stop('b1')).toBe(false);
    expect(guard.origin('b1')).toBe(booking);
    expect(guard.defer('b1')).toBe(true);
    expect(guard.finish('b1')).toBe(true);
    expect(guard.finish('b1')).toBe(false);
  });

  it('says nothing waited when nothing arrived', () => {
    const guard = new MoveGuard();
    guard.begin('b1', booking);
    expect(guard.stop('b1')).toBe(false);
  });
});
