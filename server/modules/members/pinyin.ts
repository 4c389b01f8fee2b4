/**
 * A member's name as it is typed on a Latin keyboard, so that "zhangjianguo", "zhang" and the initials "zjg"
 * all find 张建国. Stored with the member (members.name_pinyin / name_initials) and kept current by every
 * insert and rename in queries.ts; any other way of writing a member's name must set it with `namePinyin`.
 *
 * A name may be read more than one way (单 is "shan" as a surname, "dan" otherwise; 曾 "zeng" / "ceng"): each
 * column holds the readings separated by spaces, the surname reading first, so a search matches any of them.
 */
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** Full readings without tones or spaces, ü as v: "zhangjianguo"; "shantianfang dantianfang". */
  namePinyin: string;
  /** First letters of each syllable: "zjg"; "stf dtf". */
  nameInitials: string;
}

const letters = (syllables: string[]) =>
  syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function readings(name: string, pattern: 'pinyin' | 'first'): string {
  const base = { toneType: 'none', type: 'array', v: true, pattern } as const;
  const asSurname = letters(pinyin(name, { ...base, surname: 'head' }));
  const plain = letters(pinyin(name, base));
  return [...new Set([asSurname, plain].filter((r) => r))].join(' ');
}

export function namePinyin(name: string): NamePinyin {
  const text = name.trim();
  return { namePinyin: readings(text, 'pinyin'), nameInitials: readings(text, 'first') };
}

/**
 * The Latin letters of a search that may be pinyin ("Zhang Jianguo", "zjg", "lv"), or null when the search is
 * something else (digits, Chinese, a code with figures). Two letters at least: one letter finds half the ledger.
 */
export function pinyinQuery(text: string): string | null {
  const compact = text.toLowerCase().replace(/[\s'’·-]/g, '').replace(/ü/g, 'v');
  return /^[a-z]{2,30}$/.test(compact) ? compact : null;
}
