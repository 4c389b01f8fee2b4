/** Limits and checks shared by creating and changing bookings. */
import { validationFailed } from '../../errors.ts';

/** A single booking may span a month (an exhibition); a series occurrence at most a day. */
export const MAX_BOOKING_MS = 31 * 24 * 60 * 60 * 1000;
export const MAX_OCCURRENCE_MINUTES = 24 * 60;
/** A term of classes twice a week is about 40; a daily activity for a year is 366. */
export const MAX_OCCURRENCES = 400;
/** Calendar queries cover at most a little over a year. */
export const MAX_LIST_RANGE_MS = 400 * 24 * 60 * 60 * 1000;

export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw validationFailed(field, `The field "${field}" is not a date and time.`);
  return date;
}

export function checkSlot(start: Date, end: Date): void {
  if (end.getTime() <= start.getTime()) throw validationFailed('end', 'The end must be after the start.');
  if (end.getTime() - start.getTime() > MAX_BOOKING_MS) {
    throw validationFailed('end', 'A booking may last at most 31 days; use a repeating booking for longer.');
  }
}

export function checkRange(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) throw validationFailed('to', '"to" must be after "from".');
  if (to.getTime() - from.getTime() > MAX_LIST_RANGE_MS) throw validationFailed('to', 'Ask for at most 400 days at a time.');
}
