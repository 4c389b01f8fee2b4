import { describe, expect, it } from 'vitest';
import { readServe } from './table-tennis-serve.ts';

describe('who serves in a table tennis live score', () => {
  it('works the server out from the score when the first server is known', () => {
    // Side 2 served first in the match, so side 1 serves first in game 2: points 1–2, then side 2 at 2–1.
    expect(readServe({ firstServer: 2 }, [[11, 7]], [2, 1])).toEqual({ ok: true, server: 2, firstServer: 2 });
    // From 10–10 one serve each: at 11–10 in game 1 (21 points) the side that received first serves.
    expect(readServe({ firstServer: 1, server: 2 }, [], [11, 10])).toEqual({ ok: true, server: 2, firstServer: 1 });
  });

  it('takes a server sent alone as it is, and none once the match is over', () => {
    expect(readServe({ server: 1 }, [], [4, 4])).toEqual({ ok: true, server: 1, firstServer: null });
    expect(readServe({ server: 1, firstServer: 1 }, [[11, 3], [11, 4]], null)).toEqual({ ok: true, server: null, firstServer: 1 });
  });

  it('refuses a server the score contradicts, a side that is not 1 or 2, and gateball fields', () => {
    expect(readServe({ firstServer: 1, server: 1 }, [], [1, 1])).toMatchObject({ ok: false, rule: 'server_mismatch', game: 1 });
    expect(readServe({ server: 3 }, [], [0, 0])).toMatchObject({ ok: false, rule: 'invalid_server' });
    expect(readServe({ firstServer: 'red' }, [], [0, 0])).toMatchObject({ ok: false, rule: 'invalid_server' });
    expect(readServe({ turn: 1 }, [], [0, 0])).toMatchObject({ ok: false, rule: 'not_table_tennis' });
  });
});
