/**
 * Is a booking within the venue's opening hours? Bookable either way (an evening concert, a set-up before
 * opening), but the coordinator is told before booking (docs/rules.md "Bookings"; a booking after closing time was once called
 * bookable with no warning). A booking over several days is open during the hours of each day, so only its
 * start time and its end time of day are compared. Pure.
 */
import { instantToZoned } from '../../shared/zoned-time.ts';

export interface OpeningHours {
  /** 'HH:MM', venue-local. */
  opensAt: string;
  closesAt: string;
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether the slot starts before opening or ends after closing (an end at midnight on a later day is 24:00). */
export function outsideHours(slot: { start: Date; end: Date }, hours: OpeningHours, timeZone: string): boolean {
  const start = instantToZoned(slot.start, timeZone);
  const end = instantToZoned(slot.end, timeZone);
  const endMinutes = end.time.startsWith('00:00') && end.date > start.date ? 24 * 60 : minutes(end.time);
  return minutes(start.time) < minutes(hours.opensAt) || endMinutes > minutes(hours.closesAt);
}

/** The check's note: how many of the slots are outside the hours, with the hours; null when none is. */
export function outsideHoursNote(
  slots: ReadonlyArray<{ start: Date; end: Date }>,
  hours: OpeningHours,
  timeZone: string,
): { count: number; opensAt: string; closesAt: string } | null {
  const count = slots.filter((slot) => outsideHours(slot, hours, timeZone)).length;
  return count === 0 ? null : { count, opensAt: hours.opensAt, closesAt: hours.closesAt };
}
