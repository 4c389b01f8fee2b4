/**
 * The seat board's delay in a first-come rush, from what the applicants were told and what the hall screens
 * received. Defined so that it needs nothing from inside the server:
 *
 * - In each class, order the answers that placed someone in it (admitted or waiting) by the time they arrived.
 *   When the k-th of them arrived, at least k places of the class were committed (an answer comes after its
 *   commit), so the board has caught up with it once a `seats.changed` shows at least k places held in the class
 *   (admitted + waiting + offered; nothing is given back during a rush, so the counts only grow).
 * - An application is shown by the first event that has caught up with it in every class it was placed in.
 * - Its delay at a screen is that event's arrival at the screen minus the answer's arrival at the applicant, or
 *   0 when the screen had it first. A screen that missed that event counts from the next one it received.
 *
 * The figures are percentiles over every (application, screen) pair: 2,000 × 20,000 of them, so they are
 * counted in a histogram of 0.1 ms steps rather than kept.
 */
import type { SeatsDto } from '../../server/modules/enrolment/schemas.ts';

/** One application's answer: when it arrived, and the classes it was given a place in (seat or waiting list). */
export interface Told {
  answeredAt: number;
  classIds: readonly string[];
}

/** One `seats.changed` as the screens got it: its counts and each screen's receipt time (0: never received). */
export interface Shown {
  seats: SeatsDto;
  receivedAt: Float64Array;
}

export interface SeatDelays {
  p50: number;
  p99: number;
  max: number;
  /** Applications that no event ever showed (the board never caught up): must be 0. */
  neverShown: number;
  /** (event, screen) receipts that never came: must be 0. */
  missedReceipts: number;
}

const STEP_MS = 0.1;
const LIMIT_MS = 120_000;

export const held = (c: { admitted: number; waitlisted: number; offered: number }) => c.admitted + c.waitlisted + c.offered;

export function seatBoardDelays(told: readonly Told[], shown: readonly Shown[]): SeatDelays {
  const screens = shown[0]?.receivedAt.length ?? 0;
  // Per class, the first event index holding at least k places, for k = 1, 2, …
  const firstShowing = new Map<string, number[]>();
  shown.forEach((event, index) => {
    for (const c of event.seats.classes) {
      const list = firstShowing.get(c.classId) ?? [];
      while (list.length < held(c)) list.push(index);
      firstShowing.set(c.classId, list);
    }
  });
  // Each application's event: the latest of its classes' k-th showings.
  const ordinal = new Map<string, number>();
  const targets: Array<{ answeredAt: number; event: number }> = [];
  let neverShown = 0;
  for (const answer of [...told].sort((a, b) => a.answeredAt - b.answeredAt)) {
    let event = 0;
    for (const classId of answer.classIds) {
      const k = (ordinal.get(classId) ?? 0) + 1;
      ordinal.set(classId, k);
      event = Math.max(event, firstShowing.get(classId)?.[k - 1] ?? Number.POSITIVE_INFINITY);
    }
    if (Number.isFinite(event)) targets.push({ answeredAt: answer.answeredAt, event });
    else neverShown += 1;
  }
  // A screen that missed an event is counted from the next one it received.
  let missedReceipts = 0;
  const effective = shown.map((event) => Float64Array.from(event.receivedAt));
  for (let e = effective.length - 1; e >= 0; e -= 1) {
    const row = effective[e]!;
    for (let x = 0; x < screens; x += 1) {
      if (row[x] !== 0) continue;
      missedReceipts += 1;
      row[x] = effective[e + 1]?.[x] ?? Number.POSITIVE_INFINITY;
    }
  }
  const histogram = new Uint32Array(Math.ceil(LIMIT_MS / STEP_MS) + 1);
  let total = 0;
  let max = 0;
  for (const target of targets) {
    const row = effective[target.event]!;
    for (let x = 0; x < screens; x += 1) {
      const delay = Math.max(0, row[x]! - target.answeredAt);
      if (delay > max) max = delay;
      histogram[Math.min(histogram.length - 1, Math.floor(delay / STEP_MS))]! += 1;
      total += 1;
    }
  }
  const at = (p: number) => {
    const wanted = Math.ceil((p / 100) * total);
    let seen = 0;
    for (let i = 0; i < histogram.length; i += 1) {
      seen += histogram[i]!;
      if (seen >= wanted && seen > 0) return (i + 0.5) * STEP_MS;
    }
    return Number.NaN;
  };
  return { p50: at(50), p99: at(99), max, neverShown, missedReceipts };
}
