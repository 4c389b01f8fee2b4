/**
 * Who may enrol in a class (docs/enrolment.md "Eligibility"): age bounds by sex on the day of the class's first
 * session, member categories, and for a class that continues another, nothing more (returning students confirm
 * in the renewal window; newcomers apply like anyone). Pure: the services pass the member, the class and the
 * date. Each refusal says why in Chinese and English, for the kiosk, the phone page and the desk alike.
 */
import type { MemberCategory } from '../../shared/enums.ts';
import type { IneligibleReason } from './schemas.ts';

export interface MemberFacts {
  gender: 'male' | 'female' | null;
  /** 'YYYY-MM' */
  birthMonth: string | null;
  category: MemberCategory;
}

export interface ClassRules {
  minAgeFemale: number | null;
  minAgeMale: number | null;
  maxAge: number | null;
  categories: readonly MemberCategory[] | null;
}

const CATEGORY_ZH: Record<MemberCategory, string> = { veteran: '离休干部', retired: '退休干部', leader: '原市级领导', other: '其他' };
const CATEGORY_EN: Record<MemberCategory, string> = { veteran: 'veteran cadres', retired: 'retired cadres', leader: 'former city leaders', other: 'others' };

/**
 * Age in whole years on `onDate` ('YYYY-MM-DD') for someone born in `birthMonth` ('YYYY-MM'). The ledger keeps
 * only the month, so the birthday counts as the first of it: a member turns 50 on the first day of their month.
 */
export function ageOn(birthMonth: string, onDate: string): number {
  const [by, bm] = birthMonth.split('-').map(Number) as [number, number];
  const [y, m] = onDate.split('-').map(Number) as [number, number];
  return y - by - (m < bm ? 1 : 0);
}

export function ineligibility(member: MemberFacts, rules: ClassRules, onDate: string): IneligibleReason | null {
  if (rules.categories && rules.categories.length > 0 && !rules.categories.includes(member.category)) {
    const zh = rules.categories.map((c) => CATEGORY_ZH[c]).join('、');
    const en = rules.categories.map((c) => CATEGORY_EN[c]).join(', ');
    return { code: 'category', zh: `本班只招收${zh}。`, en: `This class is only open to ${en}.` };
  }
  const minAge = member.gender === 'female' ? rules.minAgeFemale : member.gender === 'male' ? rules.minAgeMale : null;
  const sexDependent = rules.minAgeFemale !== rules.minAgeMale;
  if (sexDependent && member.gender === null) {
    return { code: 'gender_unknown', zh: '本班按性别设年龄要求，但会员资料缺少性别，请到前台补全资料。', en: 'This class has age limits by sex, but the member record has no sex: please have the front desk complete it.' };
  }
  const anyBound = (member.gender === null ? rules.minAgeFemale ?? rules.minAgeMale : minAge) !== null || rules.maxAge !== null;
  if (!anyBound) return null;
  if (!member.birthMonth) {
    return { code: 'birth_unknown', zh: '本班有年龄要求，但会员资料缺少出生年月，请到前台补全资料。', en: 'This class has age limits, but the member record has no birth month: please have the front desk complete it.' };
  }
  const age = ageOn(member.birthMonth, onDate);
  const lower = member.gender === null ? (rules.minAgeFemale ?? rules.minAgeMale) : minAge;
  if (lower !== null && age < lower) {
    const who = member.gender === 'female' ? '女学员' : member.gender === 'male' ? '男学员' : '学员';
    const whoEn = member.gender === 'female' ? 'women' : member.gender === 'male' ? 'men' : 'members';
    return { code: 'age', zh: `本班${who}须年满 ${lower} 周岁（开课时您 ${age} 岁）。`, en: `This class takes ${whoEn} aged ${lower} or over (you will be ${age} when it starts).` };
  }
  if (rules.maxAge !== null && age > rules.maxAge) {
    return { code: 'age', zh: `本班招收 ${rules.maxAge} 周岁及以下学员（开课时您 ${age} 岁）。`, en: `This class takes members aged up to ${rules.maxAge} (you will be ${age} when it starts).` };
  }
  return null;
}

export const ALREADY_PLACED: IneligibleReason = {
  code: 'already_placed',
  zh: '您已在本班（已续报或已录取），无需再报。',
  en: 'You already have a seat in this class (renewed or admitted).',
};

export const NOT_CONTINUING: IneligibleReason = {
  code: 'continuation',
  zh: '续报只限上学期本班（或其前序班）的在读学员。',
  en: 'Only students of the class this one continues may renew.',
};
