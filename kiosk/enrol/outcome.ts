/**
 * What the result screen and the slip say after something was sent: the application and where each choice
 * stands (a lottery: not drawn yet, and when applications close; first-come: admitted or place N on the
 * waiting list), a renewal or an accepted seat, a declined one. `reference` is the short number the slip
 * carries, to quote at the desk.
 */
import type { Outcome } from './flow-types.ts';
import { placeLines, statusOf, type PlaceLine } from './places.ts';
import type { TermDto } from './types.ts';

export interface ResultView {
  kind: Outcome['kind'];
  lines: PlaceLine[];
  /** A lottery application: the instant applications close, after which the draw is held. */
  drawAfter: string | null;
  reference: string;
  /** When it was recorded (the server's time of the application, or now for a seat). */
  at: string | null;
  /** Worth a slip: a declined seat leaves nothing to keep. */
  printable: boolean;
}

/** The first eight hex digits of an id, upper-case: enough for the desk to find it, short enough to read out. */
export const shortReference = (id: string): string => id.replace(/[^0-9a-fA-F]/g, '').slice(0, 8).toUpperCase();

export function resultView(outcome: Outcome, term: Pick<TermDto, 'mode' | 'applyUntil'>): ResultView {
  switch (outcome.kind) {
    case 'applied':
    case 'changed': {
      const app = outcome.application;
      const placements = outcome.kind === 'applied' ? outcome.placements : null;
      return {
        kind: outcome.kind,
        lines: placeLines(app.choices, placements ?? [], placements !== null),
        drawAfter: term.mode === 'lottery' ? term.applyUntil : null,
        reference: shortReference(app.id),
        at: outcome.kind === 'changed' ? app.updatedAt : app.createdAt,
        printable: true,
      };
    }
    case 'renewed':
    case 'accepted':
    case 'declined': {
      const p = outcome.placement;
      return {
        kind: outcome.kind,
        lines: [{ classId: p.classId, rank: null, status: statusOf(p), placementId: p.id }],
        drawAfter: null,
        reference: shortReference(p.id),
        at: null,
        printable: outcome.kind !== 'declined',
      };
    }
  }
}

/**
 * A name as a slip may carry it, which may be left at the kiosk or dropped: the first and last characters
 * (张*国, 欧**华), a two-character name its first (王*). A slip is proof enough with its reference number.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
