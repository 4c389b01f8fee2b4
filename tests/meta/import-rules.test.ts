/**
 * The dependency check (eslint.config.js, run by `npm run check`) must catch what it is there to catch: a rule
 * whose pattern matched nothing would pass forever. Each case lints a small made-up file at a path where the
 * rule applies, with ESLint's own API and the project's configuration.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

/** The rules a file at `filePath` holding `code` breaks (empty: it passes). */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
  return (result?.messages ?? []).map((m) => m.ruleId ?? '(none)');
}

describe('the apps run only server/shared/ of the server', () => {
  it('refuses a run-time import of other server code, in .ts and .svelte files and in import()', async () => {
    expect(await broken('client/members/x.ts', "import { forViewer } from '../../server/modules/members/privacy.ts';\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await broken('kiosk/x.ts', "export { write } from '../server/realtime/write.ts';\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    const svelte = "<script lang=\"ts\">\n  import { forViewer } from '../../server/modules/members/privacy.ts';\n  forViewer;\n</script>\n";
    expect(await broken('kiosk/screens/X.svelte', svelte)).toEqual(['@typescript-eslint/no-restricted-imports']);
    const runes = "import { forViewer } from '../../server/modules/members/privacy.ts';\nexport const n = $state(0);\nexport { forViewer };\n";
    expect(await broken('client/lib/x.svelte.ts', runes)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken('client/x.ts', "export const m = import('../server/modules/members/privacy.ts');\n")).toEqual([
      'no-restricted-syntax',
    ]);
  });

  it('allows server/shared/ at run time and the rest of server/ as types', async () => {
    const code = [
      "import { maskPhone } from '../../server/shared/member-privacy.ts';",
      "import type { MemberDto } from '../../server/modules/members/schemas.ts';",
      "import { type LiveEvent } from '../../server/realtime/protocol.ts';",
      'export type { MemberDto, LiveEvent };',
      'export { maskPhone };',
      "export const zone = import('../../server/shared/zoned-time.ts');",
      '',
    ].join('\n');
    expect(await broken('client/members/x.ts', code)).toEqual([]);
  });
});

describe('server/shared/ imports only itself', () => {
  it('refuses anything outside it, types and packages included, and Node globals', async () => {
    expect(await broken('server/shared/x.ts', "import type { Principal } from '../modules/auth/principal.ts';\nexport type P = Principal;\n")).toEqual([
      'centre-ops/imports-stay-inside',
    ]);
    expect(await broken('server/shared/sports/x.ts', "import { x } from '../../lib/csv.ts';\nexport { x };\n")).toEqual([
      'centre-ops/imports-stay-inside',
    ]);
    expect(await broken('server/shared/x.ts', "import { sql } from 'kysely';\nexport { sql };\n")).toEqual([
      'centre-ops/imports-stay-inside',
    ]);
    expect(await broken('server/shared/x.ts', 'export const port = process.env.PORT;\n')).toEqual(['no-restricted-globals']);
  });

  it('allows its own files, from any depth', async () => {
    const code = "import { BALL_POINTS } from './gateball.ts';\nimport { addDays } from '../zoned-time.ts';\nexport { BALL_POINTS, addDays };\n";
    expect(await broken('server/shared/sports/x.ts', code)).toEqual([]);
  });
});

describe("the server's layers go one way", () => {
  it('keeps queries files below services and routes', async () => {
    expect(await broken('server/modules/members/queries.ts', "import { createMember } from './service.ts';\nexport { createMember };\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await broken('server/modules/members/import-queries.ts', "import type { R } from './routes.ts';\nexport type { R };\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await broken('server/modules/members/service.ts', "import { memberRoutes } from './routes.ts';\nexport { memberRoutes };\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it('runs Kysely only in queries files, server/db/ and the write path', async () => {
    const code = "import { sql } from 'kysely';\nexport { sql };\n";
    expect(await broken('server/modules/members/service.ts', code)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken('server/http/x.ts', code)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await broken('server/modules/members/queries.ts', code)).toEqual([]);
    expect(await broken('server/realtime/write.ts', code)).toEqual([]);
    expect(await broken('server/db/x.ts', code)).toEqual([]);
    expect(await broken('server/modules/members/service.ts', "import type { Kysely } from 'kysely';\nexport type { Kysely };\n")).toEqual([]);
  });

  it('lets modules use of server/realtime/ only the write path and topics, and its protocol as types', async () => {
    const file = 'server/modules/members/service.ts';
    expect(await broken(file, "import { writeTransaction } from '../../realtime/outbox.ts';\nexport { writeTransaction };\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await broken(file, "import { batchRoom } from '../../realtime/protocol.ts';\nexport { batchRoom };\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    const allowed = [
      "import { write } from '../../realtime/write.ts';",
      "import { venueTopic } from '../../realtime/topics.ts';",
      "import type { LiveEventMap } from '../../realtime/protocol.ts';",
      'export { write, venueTopic };',
      'export type { LiveEventMap };',
      '',
    ].join('\n');
    expect(await broken(file, allowed)).toEqual([]);
  });

  it('opens transactions only in write() and the reports’ read', async () => {
    const code = 'declare const db: { transaction(): unknown };\nexport const t = db.transaction();\n';
    expect(await broken('server/modules/members/service.ts', code)).toEqual(['no-restricted-syntax']);
    expect(await broken('server/realtime/write.ts', code)).toEqual([]);
    expect(await broken('server/modules/reports/queries.ts', code)).toEqual([]);
  });
});
