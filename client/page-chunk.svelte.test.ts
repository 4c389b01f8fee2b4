import { describe, expect, it } from 'vitest';
import { PageChunk } from './page-chunk.svelte.ts';

/** An import() we settle by hand, counting how often it was started. */
function controlledImport<C>() {
  const calls: Array<{ resolve: (value: { default: C }) => void; reject: (error: unknown) => void }> = [];
  const importer = () => new Promise<{ default: C }>((resolve, reject) => calls.push({ resolve, reject }));
  return { importer, calls };
}

describe('PageChunk', () => {
  it('starts the import once however often it is asked, and keeps the page it loaded', async () => {
    const { importer, calls } = controlledImport<string>();
    const chunk = new PageChunk(importer);
    expect(chunk.status).toBe('idle');
    const first = chunk.load();
    const second = chunk.load();
    expect(calls).toHaveLength(1);
    expect(chunk.status).toBe('loading');
    calls[0]!.resolve({ default: 'MembersPage' });
    await Promise.all([first, second]);
    expect(chunk.status).toBe('ready');
    expect(chunk.component).toBe('MembersPage');
    await chunk.load();
    expect(calls).toHaveLength(1);
  });

  it('says it failed, keeps the reason, and asks again on the next load', async () => {
    const { importer, calls } = controlledImport<string>();
    const chunk = new PageChunk(importer);
    const failed = chunk.load();
    const gone = new TypeError('Failed to fetch dynamically imported module');
    calls[0]!.reject(gone);
    await failed;
    expect(chunk.status).toBe('failed');
    expect(chunk.error).toBe(gone);
    expect(chunk.component).toBeNull();

    const again = chunk.load();
    expect(calls).toHaveLength(2);
    expect(chunk.status).toBe('loading');
    calls[1]!.resolve({ default: 'MembersPage' });
    await again;
    expect(chunk.status).toBe('ready');
    expect(chunk.component).toBe('MembersPage');
  });
});
