import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, MatchRowStatus } from '../../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const tournamentColumns = [
  'id', 'venueId', 'name', 'sport', 'format', 'bestOf', 'team', 'groupCount', 'advancePerGroup', 'tiebreak', 'status', 'draw',
  'startsAt', 'matchMinutes', 'roomIds', 'version',
] as const;

export function findTournament(db: Executor, id: string) {
  return db.selectFrom('tournaments').select([...tournamentColumns]).where('id', '=', id).executeTakeFirst();
}

export function listTournaments(db: Executor, venueId: string) {
  return db.selectFrom('tournaments').select([...tournamentColumns]).where('venueId', '=', venueId).orderBy('createdAt', 'desc').execute();
}

/** Result changes of one tournament take turns: each recomputes the bracket from everything stored. */
export function lockTournament(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('tournaments').select([...tournamentColumns]).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type TournamentRow = NonNullable<Awaited<ReturnType<typeof findTournament>>>;

export function listParticipants(db: Executor, tournamentId: string) {
  return db
    .selectFrom('participants')
    .select(['id', 'name', 'seed', 'players'])
    .where('tournamentId', '=', tournamentId)
    .orderBy(sql`seed nulls last`)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/**
 * Entries by id with their tournament, as the API shows them: what a member's removal (members/erasure.ts)
 * tells each tournament after renaming the entries the member played for.
 */
export function participantsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('participants')
    .select(['id', 'tournamentId', 'name', 'seed', 'players'])
    .where('id', 'in', [...ids])
    .orderBy('tournamentId')
    .orderBy('id')
    .execute();
}

const matchColumns = [
  'id', 'key', 'stage', 'groupName', 'round', 'number', 'side1', 'side2', 'status', 'winnerId', 'result', 'live', 'flag',
  'roomId', 'scheduledAt', 'version',
] as const;

export function listMatches(db: Executor, tournamentId: string) {
  return db
    .selectFrom('matches')
    .select([...matchColumns])
    .where('tournamentId', '=', tournamentId)
    .orderBy(sql`scheduled_at nulls last`)
    .orderBy('stage')
    .orderBy('round')
    .orderBy('number')
    .execute();
}

export type MatchRow = Awaited<ReturnType<typeof listMatches>>[number];

export function findMatchRow(db: Executor, id: string): Promise<MatchRow | undefined> {
  return db.selectFrom('matches').select([...matchColumns]).where('id', '=', id).executeTakeFirst();
}

export function findMatch(db: Executor, id: string) {
  return db
    .selectFrom('matches')
    .innerJoin('tournaments', 'tournaments.id', 'matches.tournamentId')
    .select(['matches.id', 'matches.tournamentId', 'matches.key', 'matches.side1', 'matches.side2', 'matches.status', 'tournaments.venueId'])
    .where('matches.id', '=', id)
    .executeTakeFirst();
}

export function currentResults(db: Executor, tournamentId: string) {
  return db
    .selectFrom('matchResults')
    .innerJoin('matches', 'matches.id', 'matchResults.matchId')
    .select(['matches.key', 'matchResults.result', 'matchResults.enteredFor'])
    .where('matches.tournamentId', '=', tournamentId)
    .where('matchResults.supersededAt', 'is', null)
    .execute();
}

export async function storeResult(trx: Transaction<DB>, matchId: string, result: unknown, enteredFor: [string, string], enteredBy: string | null) {
  await trx.updateTable('matchResults').set({ supersededAt: sql`now()` }).where('matchId', '=', matchId).where('supersededAt', 'is', null).execute();
  await trx
    .insertInto('matchResults')
    .values({ matchId, result: JSON.stringify(result), enteredFor: JSON.stringify(enteredFor), enteredBy })
    .execute();
}

export interface MatchUpdate {
  side1: string | null;
  side2: string | null;
  status: MatchRowStatus;
  winnerId: string | null;
  result: unknown;
  live: unknown;
  flag: string | null;
}

export function updateMatch(trx: Transaction<DB>, id: string, update: MatchUpdate) {
  return trx
    .updateTable('matches')
    .set({
      side1: update.side1,
      side2: update.side2,
      status: update.status,
      winnerId: update.winnerId,
      result: update.result === null ? null : JSON.stringify(update.result),
      live: update.live === null ? null : JSON.stringify(update.live),
      flag: update.flag,
      version: sql`version + 1`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Whether any result was ever entered for the tournament (a superseded one counts: it was played). */
export async function anyResultEntered(db: Executor, tournamentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('matchResults')
    .innerJoin('matches', 'matches.id', 'matchResults.matchId')
    .select('matchResults.matchId')
    .where('matches.tournamentId', '=', tournamentId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Undoing a start: the drawn matches go (no result refers to them: `anyResultEntered` is false). */
export async function deleteMatches(trx: Transaction<DB>, tournamentId: string): Promise<void> {
  await trx.deleteFrom('matches').where('tournamentId', '=', tournamentId).execute();
}

/**
 * The calendar bookings a start made (courts.ts): confirmed competition bookings of the tournament's rooms
 * that begin at its start and carry its title.
 */
export function startBookingIds(db: Executor, t: { venueId: string; name: string; roomIds: readonly string[]; startsAt: Date | null }) {
  if (!t.startsAt || t.roomIds.length === 0) return Promise.resolve([] as string[]);
  return db
    .selectFrom('bookings')
    .select('id')
    .where('venueId', '=', t.venueId)
    .where('roomId', 'in', [...t.roomIds])
    .where('kind', '=', 'competition')
    .where('status', '=', 'confirmed')
    .where('title', '=', `比赛 · ${t.name}`)
    .where(sql<boolean>`lower(during) = ${t.startsAt}`)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}
