/**
 * What a kiosk's search may ask (docs/security.md "Kiosk look-ups"): only what a person standing at it types to find themselves.
 *
 * - a name: characters, pinyin or initials ("张建国", "zhang", "zjg"), as staff search;
 * - the full phone number ("13812341741", "138 1234 1741", "+86 138-1234-1741"): exactly that number;
 * - a name with the last four digits of the phone, either way round ("张建国 1741", "zjg1741", "1741 张");
 * - a name with the full number ("张建国 13812341741").
 *
 * Never a run of digits inside a phone (a 4- to 10-digit fragment finds nobody), never the last four alone,
 * never a member number or card code (cards go through `?code=`). Other text with figures in it is compared
 * with names only. A kiosk sees `138****1741`; the only
 * digits a look-up can test are those the mask already shows, or all eleven at once (a guess, which the
 * miss limit in lookup-limits.ts keeps to a few a day).
 */

export type DeviceQuery =
  | { kind: 'name'; name: string }
  | { kind: 'nameAndLastFour'; name: string; lastFour: string }
  /** The whole number, digits only; `name` narrows it further when one was typed too. */
  | { kind: 'phone'; digits: string; name?: string }
  /** Something that may not be asked from a kiosk (digits alone that are not a whole number): nobody. */
  | { kind: 'nothing' };

/** The fewest digits a whole phone number has (a local landline); shorter runs are fragments. */
export const MIN_FULL_PHONE_DIGITS = 7;
/** The most digits a whole number has (0086 + a mobile; an area code and an extension). */
const MAX_FULL_PHONE_DIGITS = 15;

/** What may separate the digits of a phone number as people write it. */
const PHONE_PUNCTUATION = /[\s\-–—().+]/gu;

/** A run of digits written as a phone number: digits with spaces or dashes between, at the start or the end. */
const LEADING_NUMBER = /^\+?(?:\d[\d\s\-–—().]*\d|\d)(?=\D|$)/u;
const TRAILING_NUMBER = /(?<=\D)\+?(?:\d[\d\s\-–—().]*\d|\d)$/u;

/**
 * The digits of a whole number, with a mainland prefix (+86, 0086, 86 before a mobile) taken off: a mobile (11
 * digits from 1), a landline with its area code (0 and 9–11 digits) or a local one (7–8 digits, not from 0 or 1).
 * Anything else is no number: a 7- to 10-digit start of a mobile is not even asked (nor counted as a guess).
 */
export function fullPhoneDigits(raw: string): string | null {
  const digits = raw.replace(PHONE_PUNCTUATION, '');
  if (!/^\d+$/u.test(digits)) return null;
  const number = /^(?:0086|86)(1\d{10})$/u.exec(digits)?.[1] ?? digits;
  if (number.length < MIN_FULL_PHONE_DIGITS || number.length > MAX_FULL_PHONE_DIGITS) return null;
  return /^(1\d{10}|0\d{9,11}|[2-9]\d{6,7})$/u.test(number) ? number : null;
}

export function parseDeviceQuery(raw: string): DeviceQuery {
  // Full-width digits and letters from a Chinese input method read as their plain forms.
  const text = raw.normalize('NFKC').trim();
  if (!text) return { kind: 'nothing' };
  if (!/\d/u.test(text)) return { kind: 'name', name: text };

  // Digits only (with the punctuation of a phone number): the whole number, or nothing.
  if (/^[\d\s\-–—().+]+$/u.test(text)) {
    const digits = fullPhoneDigits(text);
    return digits ? { kind: 'phone', digits } : { kind: 'nothing' };
  }

  // A name and one number, the number before or after it. Anything else with digits in it is searched as a
  // name, as typed: names are all it is compared with, so it tests no digit of a phone (and finds a name that
  // has figures in it, which a ledger may hold).
  const asTyped: DeviceQuery = { kind: 'name', name: text };
  const leading = LEADING_NUMBER.exec(text);
  const trailing = TRAILING_NUMBER.exec(text);
  const number = leading?.[0] ?? trailing?.[0];
  if (!number) return asTyped;
  const name = (leading ? text.slice(number.length) : text.slice(0, text.length - number.length)).trim();
  // The rest must be a name: letters of some script, and no second number.
  if (/\d/u.test(name) || !/\p{L}/u.test(name)) return asTyped;
  const digits = number.replace(/\D/gu, '');
  // Still typing the last four: the name alone so far (a name search tells no digits).
  if (digits.length < 4) return { kind: 'name', name };
  if (digits.length === 4) return { kind: 'nameAndLastFour', name, lastFour: digits };
  // With a name, a longer number must look like one (a mobile, or a landline with its area code), so that a
  // card code typed here ("QJ2020001") is not taken for a name and a phone.
  const full = fullPhoneDigits(number);
  return full && /^(1\d{10}|0\d{9,11})$/u.test(full) ? { kind: 'phone', digits: full, name } : asTyped;
}

/** Whether a look-up asks for something exact that can be guessed (a whole number): its misses are limited. */
export const isGuessable = (query: DeviceQuery): boolean => query.kind === 'phone';
