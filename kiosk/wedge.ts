/**
 * A USB barcode/QR scanner is a "keyboard wedge": it types the card's code into whatever has focus, a
 * character every few milliseconds, then Enter. People type far slower (100 ms and more between keys), so
 * the timing tells a scan from typing, and the kiosk can listen on the whole page with no field focused.
 *
 * Fed with `keydown` events (key and timestamp), it answers the scanned code when an Enter ends a burst:
 * the characters since the last pause of `pauseMs`, at least `minLength` of them, whose median gap is at
 * most `maxMedianGapMs`. The median, not every gap: a busy tablet (or a test driver) can stall one
 * keystroke for a while in the middle of a scan.
 *
 * What must stay true: a scan's characters are never dropped. A code with a character lost could be
 * another member's card; a code with a stray character in front is only "card not found".
 */

export interface WedgeOptions {
  /** Median gap between the characters of a scan. Scanners: 1–30 ms; a quick typist: 100 ms and more. */
  maxMedianGapMs?: number;
  /** A pause this long starts a new burst. */
  pauseMs?: number;
  minLength?: number;
  maxLength?: number;
}

export interface WedgeKey {
  key: string;
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export class KeyboardWedge {
  readonly #maxMedianGap: number;
  readonly #pause: number;
  readonly #minLength: number;
  readonly #maxLength: number;
  #chars: string[] = [];
  #gaps: number[] = [];
  #last = -Infinity;
  #overflow = false;

  constructor(options: WedgeOptions = {}) {
    this.#maxMedianGap = options.maxMedianGapMs ?? 60;
    this.#pause = options.pauseMs ?? 300;
    this.#minLength = options.minLength ?? 4;
    this.#maxLength = options.maxLength ?? 64;
  }

  /** Feed one keydown; returns the scanned code when this key ends a scan, else null. */
  key(event: WedgeKey): string | null {
    const { key, timeStamp: at } = event;
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) {
      this.reset();
      return null;
    }
    if (key === 'Enter') {
      const code = this.#chars.join('').trim();
      const scanned =
        !this.#overflow &&
        at - this.#last <= this.#pause &&
        code.length >= this.#minLength &&
        median(this.#gaps) <= this.#maxMedianGap;
      this.reset();
      return scanned ? code : null;
    }
    // Shift (scanners press it for capitals), CapsLock and other named keys neither add nor break a burst.
    if (key.length !== 1) return null;
    if (at - this.#last > this.#pause) this.#startBurst();
    else this.#gaps.push(at - this.#last);
    this.#chars.push(key);
    this.#last = at;
    if (this.#chars.length > this.#maxLength) {
      // Far too long for a card (a paste, a stuck key): remember that, keep memory bounded.
      this.#overflow = true;
      this.#chars.shift();
      this.#gaps.shift();
    }
    return null;
  }

  reset(): void {
    this.#startBurst();
    this.#last = -Infinity;
  }

  #startBurst(): void {
    this.#chars = [];
    this.#gaps = [];
    this.#overflow = false;
  }
}
