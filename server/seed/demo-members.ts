/**
 * A few hundred plausible members for the demo: common surnames, given names of that generation, card codes
 * (QJ and eight random-looking letters and digits), and the register's mix of 退休, a few 离休 and former city
 * leaders. Generated from a fixed seed, so every demo has the same people. All invented.
 *
 * Card codes are not numbered in order (docs/security.md "Kiosk look-ups"): a code is what a kiosk checks a member in with, and with
 * QJ2019001D, QJ2019002D, … one card told every other. Staff print a member's card from the members page;
 * the start-up lines show a few codes to try at the kiosk.
 */
import type { Transaction } from 'kysely';
import type { DB, MemberCategory } from '../db/schema.ts';
import { insertMembers, type MemberValues } from '../modules/members/queries.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_MALE = ['建国', '建华', '国强', '志强', '振华', '德福', '文明', '卫东', '红兵', '永福', '宝山', '金贵', '荣华', '正义', '光明', '家忠', '树林', '明德', '庆生'];
const GIVEN_FEMALE = ['秀英', '桂英', '玉兰', '淑珍', '凤英', '秀兰', '桂兰', '玉珍', '素芳', '丽华', '美华', '红梅', '建英', '翠花', '文淑', '惠芬'];
const UNITS = ['市政府办公室', '市委组织部', '市财政局', '市教育局', '市卫生局', '市公安局', '市水务局', '罗平县委', '师宗县人民政府', '沾益区人民政府', '市供销社', '市第一中学'];
const POSITIONS = ['干部', '科长', '副处长', '处长', '主任', '书记', '局长', '教师', '医生', '工程师'];

/** Small deterministic PRNG (mulberry32): the demo is the same every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Letters and digits that cannot be mistaken for each other when typed from a card (no 0/O, 1/I). */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `count` distinct random-looking codes: `prefix` and `length` characters of CODE_ALPHABET. */
export function cardCodes(count: number, seed: number, prefix: string, length: number): string[] {
  const next = random(seed);
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = prefix;
    for (let i = 0; i < length; i += 1) code += CODE_ALPHABET[Math.floor(next() * CODE_ALPHABET.length)];
    codes.add(code);
  }
  return [...codes];
}

export function demoMembers(count: number, seed = 20261129): MemberValues[] {
  const next = random(seed);
  // A stream of its own, so the people (names, phones) stay those of earlier demos.
  const codes = cardCodes(count, seed ^ 0x5eedc0de, 'QJ', 8);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const members: MemberValues[] = [];
  for (let i = 1; i <= count; i += 1) {
    const female = next() < 0.45;
    const roll = next();
    const category: MemberCategory = roll < 0.04 ? 'veteran' : roll < 0.1 ? 'leader' : roll < 0.97 ? 'retired' : 'other';
    // 离休 cadres joined before 1949: now in their nineties.
    const year = category === 'veteran' ? 1926 + Math.floor(next() * 6) : 1938 + Math.floor(next() * 26);
    const month = 1 + Math.floor(next() * 12);
    members.push({
      name: pick([...SURNAMES]) + pick(female ? GIVEN_FEMALE : GIVEN_MALE),
      memberNo: null,
      gender: female ? 'female' : 'male',
      birthMonth: `${year}-${String(month).padStart(2, '0')}`,
      formerUnit: pick(UNITS),
      formerPosition: category === 'leader' ? pick(['市长', '副市长', '市委副书记', '人大常委会主任']) : pick(POSITIONS),
      category,
      phone: `1${pick(['35', '39', '58', '87', '37'])}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
      cardCode: codes[i - 1]!,
      notes: null,
    });
  }
  return members;
}

/** Inserts the demo members; returns how many, and a few of their card codes to try at the kiosk. */
export async function seedDemoMembers(trx: Transaction<DB>, count = 300): Promise<{ count: number; sampleCards: string[] }> {
  const inserted = await insertMembers(trx, demoMembers(count));
  return { count: inserted.length, sampleCards: inserted.slice(0, 3).map((m) => m.cardCode!) };
}
