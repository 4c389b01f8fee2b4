/**
 * Names as a hall's projector shows them (like the phone mask of server/shared/member-privacy.ts): enough for a
 * person to find themselves, not enough to read the register off the wall. The first and last characters
 * stay (张*华, 欧阳**明 → 欧**明), a two-character name keeps its first (李*), and the last four characters of
 * the member number tell two 张*华 apart.
 */

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** The last four characters of a member number ("0012345" → "2345"); null without one. */
export function memberNoTail(memberNo: string | null | undefined): string | null {
  const text = memberNo?.trim();
  if (!text) return null;
  return Array.from(text).slice(-4).join('');
}

export interface MaskedPerson {
  name: string;
  tail: string | null;
}

export const maskPerson = (name: string, memberNo: string | null | undefined): MaskedPerson => ({ name: maskName(name), tail: memberNoTail(memberNo) });
