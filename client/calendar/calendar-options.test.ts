import { describe, expect, it } from 'vitest';
import { isViewName, NARROW_VIEWS, viewFor, VIEWS } from './calendar-options.ts';

describe('calendar views', () => {
  it('offers a phone one room’s day or the list, and a wide screen the views by room', () => {
    expect(viewFor('resourceTimeGridDay', true)).toBe('roomDay');
    expect(viewFor('listWeek', true)).toBe('listWeek');
    expect(viewFor('roomDay', false)).toBe('resourceTimeGridDay');
    expect(viewFor('roomsWeek', false)).toBe('roomsWeek');
    expect([...NARROW_VIEWS, ...VIEWS].every(isViewName)).toBe(true);
    // The old week by room (a column per room and day) is no longer offered; a stored choice of it is dropped.
    expect(isViewName('resourceTimeGridWeek')).toBe(false);
  });
});
