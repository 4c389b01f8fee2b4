/** The published draws of lottery terms, and the seat board's change marks. */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';

// ---- draws

export function liveDraw(db: Executor, termId: string) {
  return db
    .selectFrom('termDraws')
    .select(['id', 'round', 'published', 'drawnAt'])
    .where('termId', '=', termId)
    .where('supersededAt', 'is', null)
    .executeTakeFirst();
}

export async function lastDrawRound(db: Executor, termId: string): Promise<number> {
  const row = await db.selectFrom('termDraws').select((eb) => eb.fn.max('round').as('round')).where('termId', '=', termId).executeTakeFirst();
  return Number(row?.round ?? 0);
}

export async function insertDraw(
  trx: Transaction<DB>,
  d: { termId: string; round: number; secret: string; seedHash: string; publicNumber: string; seed: string; published: unknown; drawnBy: string | null },
): Promise<Date> {
  const row = await trx
    .insertInto('termDraws')
    .values({ ...d, published: JSON.stringify(d.published) })
    .returning('drawnAt')
    .executeTakeFirstOrThrow();
  return row.drawnAt;
}

export async function supersedeDraw(trx: Transaction<DB>, termId: string, reason: string): Promise<void> {
  await trx.updateTable('termDraws').set({ supersededAt: sql`now()`, supersededReason: reason }).where('termId', '=', termId).where('supersededAt', 'is', null).execute();
}

// ---- the seat board's change marks

export async function markSeatsChanged(trx: Transaction<DB>, termId: string): Promise<void> {
  await trx.insertInto('termSeatChanges').values({ termId }).execute();
}

/** Takes every mark committed so far (another process's flush takes the rest); the terms they name. */
export async function takeSeatChanges(trx: Transaction<DB>): Promise<string[]> {
  const result = await sql<{ termId: string }>`
    delete from term_seat_changes where ctid in (select ctid from term_seat_changes for update skip locked limit 10000)
    returning term_id as "termId"`.execute(trx);
  return [...new Set(result.rows.map((r) => r.termId))];
}
