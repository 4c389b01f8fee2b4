/**
 * Importing the member ledger an office exports from Excel (import/ parses it). Every line is answered: made,
 * or refused with the reasons in Chinese and English. Card codes and member numbers are checked against the
 * database as well as within the file; what is good is inserted in one transaction, so a failure leaves
 * nothing half-imported.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import { memberCreated } from '../audit/entries.ts';
import { recordAudit } from '../audit/record.ts';
import { requireUser, type Principal } from '../auth/principal.ts';
import { CsvImportError } from './import/errors.ts';
import { readMembers, type MemberInput, type RowError } from './import/rows.ts';
import * as q from './queries.ts';

export interface ImportReport {
  encoding: string;
  ignoredColumns: string[];
  created: Array<{ line: number; id: string; name: string }>;
  refused: Array<{ line: number; errors: RowError[]; raw?: Record<string, string> }>;
}

export async function importMembers(db: Kysely<DB>, principal: Principal | null, bytes: Uint8Array): Promise<ImportReport> {
  const user = requireUser(principal, ['admin', 'coordinator']);
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
  const good: Array<{ line: number; member: MemberInput }> = [];
  for (const row of parsed.rows) {
    if ('errors' in row) refused.push({ line: row.line, errors: row.errors, raw: row.raw });
    else good.push(row);
  }

  const cardOwners = new Map((await q.cardCodeOwners(db, good.flatMap((r) => (r.member.cardCode ? [r.member.cardCode] : [])))).map((o) => [o.cardCode, o.name]));
  const numberOwners = new Map((await q.memberNoOwners(db, good.flatMap((r) => (r.member.memberNo ? [r.member.memberNo] : [])))).map((o) => [o.memberNo, o.name]));
  const insertable: typeof good = [];
  for (const row of good) {
    const errors: RowError[] = [];
    const card = row.member.cardCode;
    if (card && cardOwners.has(card)) {
      const owner = cardOwners.get(card)!;
      errors.push({ field: 'cardCode', message: `Card code ${card} already belongs to ${owner}.`, messageZh: `会员卡号 ${card} 已属于 ${owner}。` });
    }
    const number = row.member.memberNo;
    if (number && numberOwners.has(number)) {
      const owner = numberOwners.get(number)!;
      errors.push({ field: 'memberNo', message: `Member number ${number} already belongs to ${owner}.`, messageZh: `会员编号 ${number} 已属于 ${owner}。` });
    }
    if (errors.length > 0) refused.push({ line: row.line, errors });
    else insertable.push(row);
  }

  try {
    const rows = await db.transaction().execute(async (trx) => {
      const inserted = await q.insertMembers(trx, insertable.map((r) => r.member));
      // One entry per member (the log answers "who added this member"), inserted a thousand to a statement.
      await recordAudit(trx, user, ...inserted.map((m, i) => memberCreated({ ...m }, { via: 'import', line: insertable[i]!.line })));
      return inserted;
    });
    return {
      encoding: parsed.encoding,
      ignoredColumns: parsed.columns.ignored,
      created: rows.map((m, i) => ({ line: insertable[i]!.line, id: m.id, name: m.name })),
      refused: refused.sort((a, b) => a.line - b.line),
    };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Someone else added members with the same card codes meanwhile; nothing was imported. Import the file again.');
    }
    throw error;
  }
}

const sentence = (message: string) => (/[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`);
