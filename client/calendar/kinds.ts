/**
 * Booking kinds: label and colour. Colours are the Okabe-Ito palette (distinguishable with the common kinds
 * of colour blindness), each with the text colour that keeps at least 4.5:1 contrast. Colour is never the
 * only sign: the kind's name is written on every event, so print-outs in black and white still say it.
 */
import type { BookingKind } from '../../server/shared/enums.ts';
import { isBookingKind } from '../lib/types.ts';

export interface KindColours {
  background: string;
  text: string;
}

export const KIND_COLOURS: Record<BookingKind, KindColours> = {
  class: { background: '#0072B2', text: '#ffffff' },
  activity: { background: '#E69F00', text: '#000000' },
  lecture: { background: '#009E73', text: '#000000' },
  meeting: { background: '#CC79A7', text: '#000000' },
  competition: { background: '#D55E00', text: '#000000' },
  exhibition: { background: '#56B4E9', text: '#000000' },
  other: { background: '#BBBBBB', text: '#000000' },
};

/** A kind the server may add later is shown as "other". */
export const knownKind = (kind: string): BookingKind => (isBookingKind(kind) ? kind : 'other');

export const kindColours = (kind: string): KindColours => KIND_COLOURS[knownKind(kind)];
