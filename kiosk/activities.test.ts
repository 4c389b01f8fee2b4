import { describe, expect, it } from 'vitest';
import type { DayBooking } from '../client/lib/checkin-types.ts';
import { endsOn, kioskActivities } from './activities.ts';

const SH = 'Asia/Shanghai';
/** Local Shanghai time on a December day of 2026 as an ISO instant. */
const at = (day: number, time: string) => new Date(`2026-12-${String(day).padStart(2, '0')}T${time}:00+08:00`).toISOString();

const booking = (id: string, start: string, end: string, extra: Partial<DayBooking> = {}): DayBooking => ({
  id,
  roomId: `room-${id}`,
  start,
  end,
  title: id,
  kind: 'class',
  status: 'confirmed',
  expectedCount: null,
  ...extra,
});

describe('kioskActivities', () => {
  const now = new Date(at(8, '10:00'));

  it('shows a tournament once, however many tables it booked', () => {
    const tables = Array.from({ length: 8 }, (_, i) =>
      booking(`t${i}`, at(8, '09:00'), at(8, i < 4 ? '12:00' : '11:30'), { kind: 'competition', title: '比赛 · 乒乓球赛', roomId: `table-${i + 1}` }),
    );
    const list = kioskActivities([...tables, booking('书法班', at(8, '09:30'), at(8, '11:00'))], now, SH);
    expect(list.map((a) => a.title)).toEqual(['比赛 · 乒乓球赛', '书法班']);
    expect(list[0]).toMatchObject({ onNow: true, start: at(8, '09:00'), end: at(8, '12:00'), booking: { id: 't0' } });
    expect(list[0]!.roomIds).toEqual(tables.map((t) => t.roomId));
    expect(list[1]).toMatchObject({ key: '书法班', roomIds: ['room-书法班'] });
  });

  it('keeps two tournaments apart, and classes that share a title', () => {
    const list = kioskActivities(
      [
        booking('a1', at(8, '09:00'), at(8, '12:00'), { kind: 'competition', title: '比赛 · 门球赛' }),
        booking('b1', at(8, '09:00'), at(8, '12:00'), { kind: 'competition', title: '比赛 · 乒乓球赛' }),
        booking('c1', at(8, '13:00'), at(8, '14:00'), { title: '太极' }),
        booking('c2', at(8, '15:00'), at(8, '16:00'), { title: '太极' }),
      ],
      now,
      SH,
    );
    expect(list.map((a) => a.key)).toEqual(['competition:比赛 · 乒乓球赛', 'competition:比赛 · 门球赛', 'c1', 'c2']);
  });

  it('checks in to a table on now when the first ones are over', () => {
    const list = kioskActivities(
      [
        booking('early', at(8, '08:00'), at(8, '09:30'), { kind: 'competition', title: '比赛 · 门球赛' }),
        booking('late', at(8, '09:00'), at(8, '11:00'), { kind: 'competition', title: '比赛 · 门球赛' }),
      ],
      now,
      SH,
    );
    expect(list).toHaveLength(1);
    expect(list[0]!.booking.id).toBe('late');
  });

  it("puts today's classes and events first: on now, then later today, then what has run since an earlier day", () => {
    const list = kioskActivities(
      [
        booking('exhibition', at(7, '09:00'), at(13, '17:00'), { kind: 'exhibition' }),
        booking('later', at(8, '14:00'), at(8, '15:00')),
        booking('now', at(8, '09:30'), at(8, '11:00')),
        booking('soon', at(8, '10:30'), at(8, '11:30')),
        booking('over', at(8, '08:00'), at(8, '09:00')),
        booking('tomorrow', at(9, '09:00'), at(9, '10:00')),
      ],
      now,
      SH,
    );
    expect(list.map((a) => a.key)).toEqual(['now', 'soon', 'later', 'exhibition']);
  });
});

describe('endsOn', () => {
  it('says when an end is another day than today, with its local month and day', () => {
    expect(endsOn(at(13, '17:00'), new Date(at(7, '19:00')), SH)).toEqual({ today: false, month: 12, day: 13 });
    expect(endsOn(at(7, '17:00'), new Date(at(7, '09:00')), SH)).toEqual({ today: true, month: 12, day: 7 });
    // The date is the venue's: 16:00 UTC is already the next day in Shanghai.
    expect(endsOn('2026-12-07T15:59:00Z', new Date('2026-12-07T15:00:00Z'), SH)).toEqual({ today: true, month: 12, day: 7 });
    expect(endsOn('2026-12-07T16:00:00Z', new Date('2026-12-07T15:00:00Z'), SH)).toEqual({ today: false, month: 12, day: 8 });
  });
});
