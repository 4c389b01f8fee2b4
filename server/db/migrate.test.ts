import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';

describe('migrations/index.ts', () => {
  it('lists every migration file of the folder, under its file name, in order', () => {
    const folder = path.resolve(import.meta.dirname, '../../migrations');
    const files = readdirSync(folder)
      .filter((f) => /^\d{12}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
