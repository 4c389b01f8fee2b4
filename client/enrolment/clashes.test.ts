import { describe, expect, it } from 'vitest';
import { groupClashes } from './clashes.ts';

const clash = (id: string, title: string, start: string, roomId = 'r1') => ({ id, title, roomId, start, end: start.replace('T01', 'T02') });

describe('clashes of a class with the calendar', () => {
  it('groups the weeks of one booking in the way, earliest first', () => {
    const groups = groupClashes([
      clash('b3', '书法 · 书法初级一班', '2027-03-15T01:00:00.000Z'),
      clash('b1', '书法 · 书法初级一班', '2027-03-01T01:00:00.000Z'),
      clash('x', '太极讲座', '2027-03-08T01:00:00.000Z'),
      clash('b2', '书法 · 书法初级一班', '2027-03-08T01:00:00.000Z'),
    ]);
    expect(groups.map((g) => [g.first.id, g.count])).toEqual([
      ['b1', 3],
      ['x', 1],
    ]);
  });
});
