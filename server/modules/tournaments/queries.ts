/**
 * The tournaments module's SQL: tournaments, their entries, matches and results. Services call these and
 * never Kysely themselves; JSON columns are encoded here, so callers pass and get plain values.
 */
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB, MatchRowStatus, TournamentsTable } from '../../db/schema.ts';
import type { Bracket } from './engine/index.ts';

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

export interface NewTournament {
  venueId: string;
  name: string;
  sport: TournamentsTable['sport'];
  format: TournamentsTable['format'];
  bestOf: number | null;
  team: boolean;
  groupCount: number | null;
  advancePerGroup: number | null;
  tiebreak: unknown;
  roomIds: readonly string[];
  startsAt: Date | string | null;
  matchMinutes: number;
  createdBy: string;
}

/** A new draft; its id. */
export async function insertTournament(trx: Transaction<DB>, t: NewTournament): Promise<string> {
  const row = await trx
    .insertInto('tournaments')
    .values({ ...t, tiebreak: JSON.stringify(t.tiebreak), roomIds: JSON.stringify(t.roomIds) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a change of a tournament sets; a field left out keeps its value. Every change bumps `version`. */
export interface TournamentChanges {
  name?: string;
  roomIds?: readonly string[];
  startsAt?: Date | string | null;
  matchMinutes?: number;
  tiebreak?: unknown;
  status?: TournamentRow['status'];
  /** The draw made at the start (null: none, after a start was undone). */
  draw?: { bracket: Bracket; drawSeed: number } | null;
  version: number;
}

export async function changeTournament(trx: Transaction<DB>, id: string, c: TournamentChanges): Promise<void> {
  await trx
    .updateTable('tournaments')
    .set({
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.roomIds !== undefined ? { roomIds: JSON.stringify(c.roomIds) } : {}),
      ...(c.startsAt !== undefined ? { startsAt: c.startsAt } : {}),
      ...(c.matchMinutes !== undefined ? { matchMinutes: c.matchMinutes } : {}),
      ...(c.tiebreak !== undefined ? { tiebreak: JSON.stringify(c.tiebreak) } : {}),
      ...(c.status !== undefined ? { status: c.status } : {}),
      ...(c.draw !== undefined ? { draw: c.draw === null ? null : JSON.stringify(c.draw) } : {}),
      version: c.version,
    })
    .where('id', '=', id)
    .execute();
}

/** Deletes the tournament if it is still a draft (its entries go with it). */
export async function deleteDraftTournament(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('tournaments').where('id', '=', id).where('status', '=', 'draft').execute();
}

const participantColumns = ['id', 'name', 'seed', 'players'] as const;

export function listParticipants(db: Executor, tournamentId: string) {
  return db
    .selectFrom('participants')
    .select([...participantColumns])
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

type StoredPlayers = ParticipantRow['players'];
export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

export function insertParticipant(trx: Transaction<DB>, p: { tournamentId: string; name: string; seed: number | null; players: StoredPlayers }) {
  return trx
    .insertInto('participants')
    .values({ ...p, players: JSON.stringify(p.players) })
    .returning([...participantColumns])
    .executeTakeFirstOrThrow();
}

export async function participantExists(db: Executor, tournamentId: string, participantId: string): Promise<boolean> {
  const row = await db.selectFrom('participants').select(['id']).where('id', '=', participantId).where('tournamentId', '=', tournamentId).executeTakeFirst();
  return row !== undefined;
}

/** Changes an entry; a field left out keeps its value. The entry as it is now. */
export function changeParticipant(trx: Transaction<DB>, id: string, c: { name?: string; seed?: number | null; players?: StoredPlayers }) {
  return trx
    .updateTable('participants')
    .set({
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.seed !== undefined ? { seed: c.seed } : {}),
      ...(c.players !== undefined ? { players: JSON.stringify(c.players) } : {}),
    })
    .where('id', '=', id)
    .returning([...participantColumns])
    .executeTakeFirstOrThrow();
}

/** Whether the entry was there to delete. */
export async function deleteParticipant(trx: Transaction<DB>, tournamentId: string, participantId: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('participants').where('id', '=', participantId).where('tournamentId', '=', tournamentId).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** The name of an entry of the tournament (other than `exceptParticipant`) that one of these members plays for. */
export async function entryFielding(db: Executor, tournamentId: string, memberIds: readonly string[], exceptParticipant: string | null): Promise<string | undefined> {
  let other = db
    .selectFrom('participants')
    .select('name')
    .where('tournamentId', '=', tournamentId)
    .where(sql<boolean>`exists (select 1 from jsonb_array_elements(players) as p where p->>'memberId' in (${sql.join([...memberIds])}))`);
  if (exceptParticipant) other = other.where('id', '!=', exceptParticipant);
  return (await other.executeTakeFirst())?.name;
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

/** The drawn matches of a start, each waiting for its players, with the court and time planned for it. */
export interface NewMatch {
  key: string;
  stage: string;
  group: string | null;
  round: number;
  number: number;
  roomId: string | null;
  scheduledAt: Date | null;
}

export async function insertMatches(trx: Transaction<DB>, tournamentId: string, matches: readonly NewMatch[]): Promise<void> {
  if (matches.length === 0) return;
  await trx
    .insertInto('matches')
    .values(
      matches.map((m) => ({
        tournamentId,
        key: m.key,
        stage: m.stage,
        groupName: m.group,
        round: m.round,
        number: m.number,
        side1: null,
        side2: null,
        status: 'waiting' as const,
        roomId: m.roomId,
        scheduledAt: m.scheduledAt,
      })),
    )
    .execute();
}

/** A final result replaces the running score. */
export async function clearLiveScore(trx: Transaction<DB>, matchId: string): Promise<void> {
  await trx.updateTable('matches').set({ live: null }).where('id', '=', matchId).execute();
}

/** The running score from the referee's tablet; the match is in play. */
export async function setLiveScore(trx: Transaction<DB>, matchId: string, live: unknown): Promise<void> {
  await trx.updateTable('matches').set({ live: JSON.stringify(live), status: 'live' }).where('id', '=', matchId).execute();
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
