/** What the calendar remembers in this browser: the last view and venue. Losing them (private mode) is fine. */
import { isViewName, type ViewName } from './calendar-options.ts';

const VIEW_KEY = 'centre-ops.calendar.view';
const VENUE_KEY = 'centre-ops.calendar.venue';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered: fine.
  }
}

export function storedView(): ViewName {
  const stored = read(VIEW_KEY);
  return isViewName(stored) ? stored : 'resourceTimeGridDay';
}

export const rememberView = (view: ViewName): void => write(VIEW_KEY, view);
export const storedVenue = (): string | null => read(VENUE_KEY);
export const rememberVenue = (venueId: string): void => write(VENUE_KEY, venueId);
