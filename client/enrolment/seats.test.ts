import { describe, expect, it } from 'vitest';
import { applySeats, seatRow, seatTotals } from './seats.ts';
import { aClass } from './testing.ts';

describe('seat counts', () => {
  const classes = [
    aClass('c1', { capacity: 20, seats: { admitted: 2, waitlisted: 0, offered: 0, applicants: 30, firstChoice: 25 } }),
    aClass('c2', { capacity: 10, seats: { admitted: 0, waitlisted: 0, offered: 0, applicants: 4, firstChoice: 1 } }),
  ];

  it('patches the counts an event carries and keeps the applicant counts', () => {
    const next = applySeats(classes, 't1', { termId: 't1', classes: [{ classId: 'c1', capacity: 22, admitted: 5, waitlisted: 3, offered: 1 }] });
    expect(next[0]).toMatchObject({ capacity: 22, seats: { admitted: 5, waitlisted: 3, offered: 1, applicants: 30, firstChoice: 25 } });
    expect(next[1]).toBe(classes[1]);
  });

  it('ignores another term’s event', () => {
    const next = applySeats(classes, 't1', { termId: 't2', classes: [{ classId: 'c1', capacity: 1, admitted: 1, waitlisted: 0, offered: 0 }] });
    expect(next).toEqual(classes);
  });

  it('says which classes have more applicants than free seats', () => {
    expect(seatRow(classes[0]!)).toMatchObject({ free: 18, oversubscribed: true, over: 12 });
    expect(seatRow(classes[1]!)).toMatchObject({ free: 10, oversubscribed: false, over: 0 });
    const full = aClass('c3', { capacity: 2, seats: { admitted: 1, waitlisted: 0, offered: 1, applicants: 0, firstChoice: 0 } });
    expect(seatRow(full)).toMatchObject({ free: 0, oversubscribed: false, over: 0 });
  });

  it('adds the term up', () => {
    expect(seatTotals(classes)).toEqual({ capacity: 30, admitted: 2, waitlisted: 0, offered: 0, firstChoice: 26 });
  });
});
