import { describe, expect, it } from 'vitest';
import { enrolmentHref, parseEnrolmentPath, type EnrolmentPath } from './paths.ts';

describe('enrolment paths', () => {
  it('reads the list, a term, a tab, a class and the projector', () => {
    expect(parseEnrolmentPath('#/enrolment')).toEqual({ page: 'list' });
    expect(parseEnrolmentPath('#/enrolment/')).toEqual({ page: 'list' });
    expect(parseEnrolmentPath('#/enrolment/t-1')).toEqual({ page: 'term', termId: 't-1', tab: null, classId: null });
    expect(parseEnrolmentPath('#/enrolment/t-1/placements')).toEqual({ page: 'term', termId: 't-1', tab: 'placements', classId: null });
    expect(parseEnrolmentPath('#/enrolment/t-1/roster?class=c-9')).toEqual({ page: 'term', termId: 't-1', tab: 'roster', classId: 'c-9' });
    expect(parseEnrolmentPath('#/enrolment/t-1/draw')).toEqual({ page: 'draw', termId: 't-1' });
    expect(parseEnrolmentPath('#/enrolment/t-1/renewals')).toMatchObject({ tab: 'renewals' });
    expect(parseEnrolmentPath('#/enrolment/t-1/attendance?class=c-2')).toEqual({ page: 'term', termId: 't-1', tab: 'attendance', classId: 'c-2' });
    expect(parseEnrolmentPath('#/enrolment/t-1/report')).toMatchObject({ tab: 'report' });
  });

  it('ignores what it does not know instead of failing', () => {
    expect(parseEnrolmentPath('#/enrolment/t-1/nonsense')).toEqual({ page: 'term', termId: 't-1', tab: null, classId: null });
    expect(parseEnrolmentPath('#/enrolment/bad id!')).toEqual({ page: 'list' });
    expect(parseEnrolmentPath('#/enrolment/t-1/roster?class=<x>')).toMatchObject({ classId: null });
    expect(parseEnrolmentPath('#/members')).toEqual({ page: 'list' });
  });

  it('round-trips', () => {
    const paths: EnrolmentPath[] = [
      { page: 'list' },
      { page: 'term', termId: 'a', tab: null, classId: null },
      { page: 'term', termId: 'a', tab: 'lottery', classId: null },
      { page: 'term', termId: 'a', tab: 'roster', classId: 'c' },
      { page: 'term', termId: 'a', tab: 'attendance', classId: 'c' },
      { page: 'draw', termId: 'a' },
    ];
    for (const path of paths) expect(parseEnrolmentPath(enrolmentHref(path))).toEqual(path);
  });
});
