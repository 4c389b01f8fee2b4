/** Member words in the current language, and what to say about a field the form or the server refused. */
import { i18n, t } from '../lib/i18n.svelte.ts';
import type { Problem } from './member-form.ts';
import type { MemberCategory } from '../../server/shared/enums.ts';
import { isMemberField, type Gender, type MemberField } from './types.ts';

export const categoryLabel = (category: MemberCategory): string => t(`members.category.${category}`);

export const genderLabel = (gender: Gender | null): string => (gender ? t(`members.gender.${gender}`) : '');

/** A member field's name; whatever else the server names is shown as it came. */
export const fieldLabel = (field: string): string => (isMemberField(field) ? t(`members.field.${field}`) : field);

export function problemText(field: MemberField, problem: Problem): string {
  switch (problem.code) {
    case 'duplicate':
      return field === 'cardCode' || field === 'memberNo' ? t(`members.problem.duplicate.${field}`) : t('members.problem.duplicate');
    case 'tooLong':
      return t('members.problem.tooLong', { max: problem.max ?? 0 });
    case 'invalid':
      return i18n.lang === 'en' && problem.serverMessage ? problem.serverMessage : t('members.problem.invalid');
    default:
      return t(`members.problem.${problem.code}`);
  }
}
