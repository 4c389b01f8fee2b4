import { describe, expect, it } from 'vitest';
import { KeyboardWedge } from './wedge.ts';

/** Types `text` then Enter with the given gaps (one per character after the first, then Enter's). */
function typeWithGaps(wedge: KeyboardWedge, text: string, gaps: number[], start = 1000): string | null {
  let at = start;
  [...text].forEach((key, i) => {
    if (i > 0) at += gaps[i - 1] ?? 0;
    expect(wedge.key({ key, timeStamp: at })).toBeNull();
  });
  return wedge.key({ key: 'Enter', timeStamp: at + (gaps[text.length - 1] ?? 0) });
}

/** Types `text` then Enter, `gap` ms apart. */
const type = (wedge: KeyboardWedge, text: string, gap: number, start = 1000) =>
  typeWithGaps(wedge, text, Array.from({ length: text.length }, () => gap), start);

describe('keyboard wedge', () => {
  it('recognises a scanner burst', () => {
    expect(type(new KeyboardWedge(), 'QJ2020001', 8)).toBe('QJ2020001');
    expect(type(new KeyboardWedge(), 'QJ2020001', 0)).toBe('QJ2020001');
  });

  it('ignores a person typing the same thing', () => {
    expect(type(new KeyboardWedge(), 'QJ2020001', 120)).toBeNull();
    expect(type(new KeyboardWedge(), '13590830166', 90)).toBeNull();
  });

  it('keeps every character when one keystroke of a scan is held up (a busy tablet)', () => {
    // Gaps seen from a test driver typing with a 5 ms delay: mostly quick, one stalled for 158 ms.
    expect(typeWithGaps(new KeyboardWedge(), 'ZZ0000001', [29, 12, 29, 13, 9, 30, 59, 158, 8])).toBe('ZZ0000001');
  });

  it('never drops the start of a scan: a stray key just before it stays in front', () => {
    const wedge = new KeyboardWedge();
    wedge.key({ key: 'x', timeStamp: 800 });
    // The server will not know "xQJ2020002"; a member's code is never cut short into someone else's.
    expect(type(wedge, 'QJ2020002', 5, 1000)).toBe('xQJ2020002');
  });

  it('starts afresh after a pause', () => {
    const wedge = new KeyboardWedge();
    wedge.key({ key: 'x', timeStamp: 0 });
    wedge.key({ key: 'y', timeStamp: 200 });
    expect(type(wedge, 'QJ2020003', 5, 1000)).toBe('QJ2020003');
  });

  it('ignores Enter alone and bursts too short to be a card', () => {
    const wedge = new KeyboardWedge();
    expect(wedge.key({ key: 'Enter', timeStamp: 5 })).toBeNull();
    expect(type(wedge, 'abc', 5)).toBeNull();
  });

  it('lets Shift through (capitals) without breaking the burst', () => {
    const wedge = new KeyboardWedge();
    let at = 0;
    for (const key of ['Shift', 'Q', 'Shift', 'J', '2', '0', '2', '0', '0', '0', '1']) {
      wedge.key({ key, timeStamp: (at += 6) });
    }
    expect(wedge.key({ key: 'Enter', timeStamp: at + 6 })).toBe('QJ2020001');
  });

  it('tolerates a short pause before the Enter suffix, not a long one', () => {
    expect(typeWithGaps(new KeyboardWedge(), 'QJ2020004', [5, 5, 5, 5, 5, 5, 5, 5, 120])).toBe('QJ2020004');
    expect(typeWithGaps(new KeyboardWedge(), 'QJ2020004', [5, 5, 5, 5, 5, 5, 5, 5, 400])).toBeNull();
  });

  it('drops a burst interrupted by a shortcut or an input method', () => {
    const wedge = new KeyboardWedge();
    wedge.key({ key: 'Q', timeStamp: 0 });
    wedge.key({ key: 'J', timeStamp: 5 });
    wedge.key({ key: 'v', timeStamp: 10, ctrlKey: true });
    wedge.key({ key: '2', timeStamp: 15 });
    expect(wedge.key({ key: 'Enter', timeStamp: 20 })).toBeNull();
    wedge.key({ key: 'w', timeStamp: 30, isComposing: true });
    expect(wedge.key({ key: 'Enter', timeStamp: 35 })).toBeNull();
  });

  it('refuses absurdly long input (a paste or a stuck key)', () => {
    expect(type(new KeyboardWedge({ maxLength: 10 }), 'A'.repeat(11), 1)).toBeNull();
    expect(type(new KeyboardWedge({ maxLength: 10 }), 'A'.repeat(10), 1)).toBe('A'.repeat(10));
  });
});
