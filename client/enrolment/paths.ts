/**
 * Where the office's enrolment pages live in the coordinator app's hash (`client/routes.ts` sends the prefix
 * here):
 * - `#/enrolment` the venue's terms and the new-term form;
 * - `#/enrolment/TID` a term (its tab chosen by what the term is doing), `#/enrolment/TID/TAB` one tab of it,
 *   `#/enrolment/TID/roster?class=CID` one class's 花名册, `#/enrolment/TID/attendance?class=CID` its attendance;
 * - `#/enrolment/TID/draw` the public draw on the hall's projector, covering the whole screen.
 */

export const TERM_TABS = ['classes', 'renewals', 'applications', 'lottery', 'placements', 'roster', 'attendance', 'report'] as const;
export type TermTab = (typeof TERM_TABS)[number];

export type EnrolmentPath =
  | { page: 'list' }
  | { page: 'term'; termId: string; tab: TermTab | null; classId: string | null }
  | { page: 'draw'; termId: string };

const ID = /^[A-Za-z0-9-]{1,64}$/;
const isTab = (value: string | undefined): value is TermTab => TERM_TABS.some((tab) => tab === value);

export function parseEnrolmentPath(hash: string): EnrolmentPath {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [first, termId, third] = parts;
  if (first !== 'enrolment' || !termId || !ID.test(termId)) return { page: 'list' };
  if (third === 'draw') return { page: 'draw', termId };
  const classId = new URLSearchParams(query).get('class');
  return { page: 'term', termId, tab: isTab(third) ? third : null, classId: classId && ID.test(classId) ? classId : null };
}

export function enrolmentHref(path: EnrolmentPath): string {
  switch (path.page) {
    case 'list':
      return '#/enrolment';
    case 'draw':
      return `#/enrolment/${encodeURIComponent(path.termId)}/draw`;
    case 'term': {
      const base = `#/enrolment/${encodeURIComponent(path.termId)}`;
      const tab = path.tab ? `/${path.tab}` : '';
      return `${base}${tab}${path.classId ? `?class=${encodeURIComponent(path.classId)}` : ''}`;
    }
  }
}

