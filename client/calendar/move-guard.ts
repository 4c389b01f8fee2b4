/**
 * Which bookings the viewer is dragging, resizing or saving, so live changes to them wait until that is over
 * (the calendar must not jump under the pointer), and which version the move started from.
 *
 * What must stay true: a change that arrives for a held booking is applied once, after the hold ends, from
 * the newest state; the save names the version the drag began with, so a change made meanwhile by someone
 * else is refused by the server (version_conflict) rather than overwritten.
 */
import type { Booking } from '../lib/types.ts';

export class MoveGuard {
  readonly #held = new Set<string>();
  readonly #saving = new Set<string>();
  readonly #deferred = new Set<string>();
  readonly #origins = new Map<string, Booking>();

  /** A drag or resize began. */
  begin(id: string, booking: Booking | undefined): void {
    this.#held.add(id);
    if (booking) this.#origins.set(id, booking);
  }

  /** The booking as it was when the drag began. */
  origin(id: string): Booking | undefined {
    return this.#origins.get(id);
  }

  /** A change arrived: true when it must wait (the booking is held); it is remembered then. */
  defer(id: string): boolean {
    if (!this.#held.has(id)) return false;
    this.#deferred.add(id);
    return true;
  }

  /** The drop is being saved: keep holding until `finish`. */
  save(id: string): void {
    this.#held.add(id);
    this.#saving.add(id);
  }

  /** The drag stopped. Returns whether a change waited (the caller applies it), unless a save still holds it. */
  stop(id: string): boolean {
    if (this.#saving.has(id)) return false;
    return this.#end(id);
  }

  /** The save is over (after any revert). Returns whether a change waited. */
  finish(id: string): boolean {
    this.#saving.delete(id);
    return this.#end(id);
  }

  #end(id: string): boolean {
    this.#held.delete(id);
    this.#origins.delete(id);
    return this.#deferred.delete(id);
  }
}
