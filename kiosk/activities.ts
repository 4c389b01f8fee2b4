/**
 * What the kiosk offers to choose from "您今天参加哪个活动？": today's activities, one entry each. A tournament
 * books every table or court it plays on (one booking per room, same title); a member chooses the tournament,
 * not a table, so those bookings are one entry. Order: what is on now and began today, then what starts later
 * today, then what has been on since an earlier day (a week's exhibition): today's classes and events first.
 */
import type { DayBooking } from '../client/lib/checkin-types.ts';
import { activitiesToday, isOnNow, localDate } from '../client/lib/today.ts';

export interface KioskActivity {
  key: string;
  /** The booking a check-in names: the one on now, else the first to start (a tournament's first table). */
  booking: DayBooking;
  title: string;
  /** Every room it uses, in the bookings' order (one for a class; a tournament's tables). */
  roomIds: string[];
  start: string;
  /** The last end of its bookings. */
  end: string;
  onNow: boolean;
}

const ms = (instant: string) => new Date(instant).getTime();

/** A tournament's bookings share their title and kind (server: tournaments/courts.ts). */
const groupKey = (b: DayBooking) => (b.kind === 'competition' ? `competition:${b.title}` : b.id);

export function kioskActivities(bookings: readonly DayBooking[], now: Date, timeZone: string): KioskActivity[] {
  const groups = new Map<string, DayBooking[]>();
  for (const b of activitiesToday(bookings, now, timeZone)) {
    const key = groupKey(b);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const today = localDate(now, timeZone);
  const rank = (a: KioskActivity) => (!a.onNow ? 1 : localDate(a.start, timeZone) === today ? 0 : 2);
  return [...groups.entries()]
    .map(([key, list]): KioskActivity => {
      const onNow = list.filter((b) => isOnNow(b, now));
      return {
        key,
        booking: onNow[0] ?? list[0]!,
        title: list[0]!.title,
        roomIds: [...new Set(list.map((b) => b.roomId))],
        start: list.reduce((min, b) => (ms(b.start) < ms(min) ? b.start : min), list[0]!.start),
        end: list.reduce((max, b) => (ms(b.end) > ms(max) ? b.end : max), list[0]!.end),
        onNow: onNow.length > 0,
      };
    })
    .sort((a, b) => rank(a) - rank(b) || ms(a.start) - ms(b.start) || a.title.localeCompare(b.title));
}

/**
 * When an activity ends, as the kiosk says it: the time alone when that is today, else with the date
 * ("到 12月13日 17:00", not "到 17:00" on the first evening of a week's exhibition).
 */
export function endsOn(end: string, now: Date, timeZone: string): { today: boolean; month: number; day: number } {
  const date = localDate(end, timeZone);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return { today: date === localDate(now, timeZone), month, day };
}
