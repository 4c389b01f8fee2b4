/**
 * Importing the member ledger an office exports from Excel (import/ parses it). Every line is answered:
 * created, updated (the member was already on the register: same member number, card code, or name and phone),
 * unchanged, or refused with the reasons in Chinese and English. So a ledger can be imported again after
 * corrections, or every month, and nobody is added twice. The decisions are made and written in one
 * transaction under an import lock (two imports racing wait for each other), so a failure leaves nothing
 * half-imported and a second import sees the first one's members.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import { memberCreated, memberUpdated } from '../audit/entries.ts';
import { requireUser, type Principal } from '../auth/principal.ts';
import type { MemberField } from '../../shared/member-columns.ts';
import { CsvImportError } from './import/errors.ts';
import { decideLines, lookupKeys, type GoodLine } from './import/match.ts';
import { findExisting, lockImports } from './import/queries.ts';
import { readMembers, type RowError } from './import/rows.ts';
import * as q from './queries.ts';

interface LineMember {
  line: number;
  id: string;
  name: string;
}

export interface ImportReport {
  encoding: string;
  /** The separator the file's columns use: ',' (comma), '\t' (tab) or ';' (semicolon). */
  delimiter: string;
  ignoredColumns: string[];
  created: LineMember[];
  /** Members already on the register whose details the line changed (`fields`: which ones). */
  updated: Array<LineMember & { fields: MemberField[] }>;
  /** Members already on the register, exactly as the line has them. */
  unchanged: LineMember[];
  refused: Array<{ line: number; errors: RowError[]; raw?: Record<string, string> }>;
}

export async function importMembers(db: Kysely<DB>, principal: Principal | null, bytes: Uint8Array): Promise<ImportReport> {
  const user = requireUser(principal);
  let parsed: ReturnType<typeof readMembers>;
  try {
    parsed = readMembers(bytes);
  } catch (error) {
    if (error instanceof CsvImportError) {
      throw new AppError('validation_failed', sentence(error.message), { field: 'body', reason: error.reason, messageZh: error.messageZh });
    }
    throw error;
  }
  const refused: ImportReport['refused'] = [];
  const good: GoodLine[] = [];
  const rawOf = new Map<number, Record<string, string>>();
  for (const row of parsed.rows) {
    if ('errors' in row) {
      refused.push({ line: row.line, errors: row.errors, raw: row.raw });
    } else {
      good.push(row);
      rawOf.set(row.line, row.raw);
    }
  }

  try {
    const outcome = await write(db, async ({ trx, audit }) => {
      await lockImports(trx);
      const decisions = decideLines(good, await findExisting(trx, lookupKeys(good)));
      const creates = decisions.flatMap((d) => (d.kind === 'create' ? [d] : []));
      const inserted = await q.insertMembers(trx, creates.map((d) => d.member));
      const updated: ImportReport['updated'] = [];
      const entries = inserted.map((m, i) => memberCreated({ ...m }, { via: 'import', line: creates[i]!.line }));
      for (const d of decisions) {
        if (d.kind !== 'update') continue;
        const after = await q.updateMember(trx, d.before.id, d.patch);
        if (!after) continue;
        entries.push(memberUpdated({ ...d.before }, { ...after }));
        updated.push({ line: d.line, id: after.id, name: after.name, fields: d.fields });
      }
      // One entry per member (the log answers "who added or changed this member"), inserted in chunks.
      await audit(user, ...entries);
      return { decisions, inserted, creates, updated };
    });
    for (const d of outcome.decisions) if (d.kind === 'refuse') refused.push({ line: d.line, errors: d.errors, raw: rawOf.get(d.line) });
    return {
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      ignoredColumns: parsed.columns.ignored,
      created: outcome.inserted.map((m, i) => ({ line: outcome.creates[i]!.line, id: m.id, name: m.name })),
      updated: outcome.updated,
      unchanged: outcome.decisions.flatMap((d) => (d.kind === 'unchanged' ? [{ line: d.line, id: d.member.id, name: d.member.name }] : [])),
      refused: refused.sort((a, b) => a.line - b.line),
    };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Someone else added members with the same card codes or member numbers meanwhile; nothing was imported. Import the file again.');
    }
    throw error;
  }
}

const sentence = (message: string) => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);
