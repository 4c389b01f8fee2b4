import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout.ts';

describe('display room layout', () => {
  it('adds columns of six rows, then goes dense', () => {
    expect(layoutFor(0)).toEqual({ columns: 1, dense: false });
    expect(layoutFor(6)).toEqual({ columns: 1, dense: false });
    expect(layoutFor(7)).toEqual({ columns: 2, dense: false });
    expect(layoutFor(24)).toEqual({ columns: 4, dense: false });
    expect(layoutFor(25)).toEqual({ columns: 3, dense: true });
    expect(layoutFor(100)).toEqual({ columns: 4, dense: true });
  });
});
