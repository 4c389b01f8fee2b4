import { describe, expect, it } from 'vitest';
import { overCapacity } from './event-view.ts';

describe('event view', () => {
  it('calls a booking over capacity only when more are expected than the room holds', () => {
    expect(overCapacity({ expectedCount: 300 }, { capacity: 150 })).toBe(true);
    expect(overCapacity({ expectedCount: 150 }, { capacity: 150 })).toBe(false);
    expect(overCapacity({ expectedCount: null }, { capacity: 150 })).toBe(false);
    expect(overCapacity({ expectedCount: 300 }, undefined)).toBe(false);
  });
});
