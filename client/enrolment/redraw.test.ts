import { describe, expect, it } from 'vitest';
import { drawCounts, reasonProblem } from './redraw.ts';
import type { DrawViewDto } from './types.ts';

describe('redraw', () => {
  it('takes a reason of 2 to 500 characters, blanks aside', () => {
    expect(reasonProblem('')).toBe('required');
    expect(reasonProblem('   ')).toBe('required');
    expect(reasonProblem(' 错 ')).toBe('tooShort');
    expect(reasonProblem('公证员未到场')).toBeNull();
    expect(reasonProblem('字'.repeat(500))).toBeNull();
    expect(reasonProblem('字'.repeat(501))).toBe('tooLong');
  });

  it('counts the seats a draw gave and the people it put on waiting lists', () => {
    const placement = (applicationId: string, classId: string, status: 'admitted' | 'waitlisted') => ({ applicationId, classId, status, position: null });
    const view = {
      placements: [placement('a1', 'c1', 'admitted'), placement('a1', 'c2', 'waitlisted'), placement('a2', 'c1', 'waitlisted'), placement('a2', 'c2', 'waitlisted'), placement('a3', 'c2', 'admitted')],
    } as unknown as DrawViewDto;
    expect(drawCounts(view)).toEqual({ admitted: 2, waiting: 2 });
  });
});
