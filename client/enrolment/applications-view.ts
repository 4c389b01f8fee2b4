/**
 * The list of applications on the applications tab: found by a member's name or number and by class (a big
 * school has thousands), newest first, shown a page at a time.
 */
import type { ApplicationDto } from './types.ts';

export const APPLICATIONS_PAGE = 50;

export function filterApplications(applications: readonly ApplicationDto[], text: string, classId: string): ApplicationDto[] {
  const needle = text.trim().toLowerCase();
  return applications
    .filter((a) => !classId || a.choices.includes(classId))
    .filter((a) => !needle || (a.memberName ?? '').toLowerCase().includes(needle) || (a.memberNo ?? '').toLowerCase().includes(needle))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
