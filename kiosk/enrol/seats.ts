/**
 * `seats.changed` on `term:<id>` (docs/api.md "Senior-university enrolment") as a patch of the classes the kiosk
 * shows: the seats taken and waiting change while a member is choosing (a first-come class filling up).
 * Read field by field as an `UncheckedEvent`: a kiosk stays open for days and may meet a newer server, and a
 * shape it does not know leaves the classes as they were.
 */
import type { UncheckedEvent } from '../../client/lib/live.svelte.ts';
import type { ClassDto } from './types.ts';

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

/** The classes with the event's counts, or the same array when the event changes nothing of them. */
export function applySeats(classes: readonly ClassDto[], termId: string, event: UncheckedEvent): readonly ClassDto[] {
  if (event.type !== 'seats.changed' || typeof event.data !== 'object' || event.data === null) return classes;
  const data = event.data as { termId?: unknown; classes?: unknown };
  if (data.termId !== termId || !Array.isArray(data.classes)) return classes;
  const counts = new Map<string, { capacity: number; admitted: number; waitlisted: number; offered: number }>();
  for (const row of data.classes as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const capacity = count(r.capacity);
    const admitted = count(r.admitted);
    const waitlisted = count(r.waitlisted);
    const offered = count(r.offered);
    if (typeof r.classId !== 'string' || capacity === null || admitted === null || waitlisted === null || offered === null) continue;
    counts.set(r.classId, { capacity, admitted, waitlisted, offered });
  }
  let changed = false;
  const next = classes.map((cls) => {
    const c = counts.get(cls.id);
    if (!c) return cls;
    const s = cls.seats;
    if (cls.capacity === c.capacity && s.admitted === c.admitted && s.waitlisted === c.waitlisted && s.offered === c.offered) return cls;
    changed = true;
    return { ...cls, capacity: c.capacity, seats: { ...s, admitted: c.admitted, waitlisted: c.waitlisted, offered: c.offered } };
  });
  return changed ? next : classes;
}
