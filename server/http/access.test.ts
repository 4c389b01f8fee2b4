import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS } from './access.ts';
import { accessTable } from './access-doc.ts';

describe('the authorization matrix', () => {
  it('is written out in docs/security.md exactly as the code has it', () => {
    const page = readFileSync(resolve(import.meta.dirname, '../../docs/security.md'), 'utf8');
    expect(page, 'docs/security.md is out of date: run `npx tsx server/http/access-doc.ts` and paste the table').toContain(accessTable());
  });

  it('names a reason for every row, and never allows a device to manage accounts', () => {
    for (const [key, access] of Object.entries(ACCESS)) {
      expect(access.why.length, key).toBeGreaterThan(10);
      if (key.includes('/users') || key.includes('/audit')) expect(access.allow, key).toEqual(['admin']);
    }
  });
});
