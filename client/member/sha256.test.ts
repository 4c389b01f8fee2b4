import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Plain, sha256Source } from './sha256.ts';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('SHA-256 for the draw check', () => {
  const samples = [
    '',
    'abc',
    // The lengths around one block's padding edge (55, 56, 63, 64 bytes) and across several blocks.
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(63),
    'a'.repeat(64),
    'a'.repeat(1000),
    `${'f'.repeat(64)}:0483920`,
    '老年大学 2027 春季 · 摇号 🎲',
  ];

  it('the plain implementation gives node:crypto’s answers', () => {
    expect(sha256Plain('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const text of samples) expect(sha256Plain(text), JSON.stringify(text)).toBe(node(text));
  });

  it('uses crypto.subtle where the page has it, the plain one where it has not (plain http), with the same answers', async () => {
    const subtle = webcrypto.subtle as SubtleCrypto;
    expect(sha256Source(subtle)).toBe('subtle');
    expect(sha256Source(null)).toBe('plain');
    for (const text of samples) {
      expect(await sha256Hex(text, subtle)).toBe(node(text));
      expect(await sha256Hex(text, null)).toBe(node(text));
    }
  });
});
