/**
 * What a term is doing at a moment (docs/enrolment.md "Phases"), from its windows and whether it was drawn. The
 * server answers `phase` with every term; a hall screen stays up for days while windows open and close by the
 * clock, so it works the phase out again itself with this same rule.
 */
import type { TermMode } from './enums.ts';

export const TERM_PHASES = ['setup', 'renewal', 'applying', 'closed', 'drawn', 'placed'] as const;
export type TermPhase = (typeof TERM_PHASES)[number];

type When = Date | string;
const ms = (when: When) => new Date(when).getTime();

export interface PhaseFacts {
  mode: TermMode;
  renewFrom: When | null;
  renewUntil: When | null;
  applyFrom: When;
  applyUntil: When;
  drawnAt: When | null;
}

/** Before any window and between the renewal and application windows: `setup`. */
export function termPhase(t: PhaseFacts, now: Date = new Date()): TermPhase {
  if (t.mode === 'lottery' && t.drawnAt !== null) return 'drawn';
  const at = now.getTime();
  if (at >= ms(t.applyUntil)) return t.mode === 'lottery' ? 'closed' : 'placed';
  if (at >= ms(t.applyFrom)) return 'applying';
  if (t.renewFrom !== null && t.renewUntil !== null && at >= ms(t.renewFrom) && at < ms(t.renewUntil)) return 'renewal';
  return 'setup';
}
