import { describe, expect, it } from 'vitest';
import { applySeats } from './seats.ts';
import type { ClassDto } from './types.ts';

const cls = (id: string) =>
  ({ id, capacity: 10, seats: { admitted: 1, waitlisted: 0, offered: 0, applicants: 5, firstChoice: 2 } }) as ClassDto;

describe('seat counts arriving live', () => {
  it('patches the counts of the classes it names and keeps the applicants', () => {
    const classes = [cls('a'), cls('b')];
    const next = applySeats(classes, 't1', { type: 'seats.changed', data: { termId: 't1', classes: [{ classId: 'a', capacity: 12, admitted: 12, waitlisted: 3, offered: 0 }] } });
    expect(next[0]).toMatchObject({ capacity: 12, seats: { admitted: 12, waitlisted: 3, offered: 0, applicants: 5 } });
    expect(next[1]).toBe(classes[1]);
  });

  it('leaves everything as it was for another term, another event or a shape it does not know', () => {
    const classes = [cls('a')];
    expect(applySeats(classes, 't1', { type: 'seats.changed', data: { termId: 't2', classes: [] } })).toBe(classes);
    expect(applySeats(classes, 't1', { type: 'booking.created', data: {} })).toBe(classes);
    expect(applySeats(classes, 't1', { type: 'seats.changed', data: { termId: 't1', classes: [{ classId: 'a', capacity: '12' }] } })).toBe(classes);
    expect(applySeats(classes, 't1', { type: 'seats.changed', data: null })).toBe(classes);
    expect(applySeats(classes, 't1', { type: 'seats.changed', data: { termId: 't1', classes: [{ classId: 'a', capacity: 10, admitted: 1, waitlisted: 0, offered: 0 }] } })).toBe(classes);
  });
});
