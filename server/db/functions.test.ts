import { describe, expect, it } from 'vitest';
import { databaseFunctions, fillPlaceholders, parseFunction } from './functions.ts';

describe('database function files', () => {
  it('each creates or replaces the function its file is named for, with every placeholder filled', () => {
    const functions = databaseFunctions();
    expect(functions.map((f) => f.name)).toContain('checkin_record');
    for (const fn of functions) {
      expect(fn.statement).toMatch(new RegExp(`^create or replace function ${fn.name}\\(`, 'm'));
      expect(fn.statement).not.toMatch(/\$\{/);
      expect(fn.body.length).toBeGreaterThan(0);
    }
  });

  it('writes values in as SQL literals and refuses a name it does not know', () => {
    const values = { channel: "it's", percent: 90, types: ['a.b', 'c.d'] };
    expect(fillPlaceholders('notify(${channel}) n * 100 >= c * ${percent} in (${types})', values)).toBe("notify('it''s') n * 100 >= c * 90 in ('a.b', 'c.d')");
    expect(() => fillPlaceholders('${nope}', values)).toThrow(/unknown placeholder/);
    expect(() => fillPlaceholders('${percent}', { percent: 0.5 })).toThrow(/whole number/);
  });

  it('refuses a file whose function is not the one its name says', () => {
    const text = 'create or replace function other(x int) returns int language sql as $$ select x $$';
    expect(() => parseFunction('one', text)).toThrow(/must create the function one/);
    expect(parseFunction('other', text).body).toBe(' select x ');
  });
});
