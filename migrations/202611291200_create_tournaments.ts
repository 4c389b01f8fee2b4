/**
 * Tournaments. The draw (the bracket or groups as the engine made them) is stored whole as JSON and never
 * edited; results are stored per match key with the participants they were entered for; the `matches` rows
 * are the derived state (who plays, status, winner) recomputed from draw + results on every change, kept as
 * rows so screens and the schedule can query them. Every result change is recorded with who made it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tournaments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sport', 'text', (c) => c.notNull().check(sql`sport in ('table_tennis', 'gateball')`))
    .addColumn('format', 'text', (c) =>
      c.notNull().check(sql`format in ('single_elimination', 'double_elimination', 'round_robin', 'groups_then_knockout')`),
    )
    .addColumn('best_of', 'integer', (c) => c.check(sql`best_of is null or best_of in (1, 3, 5, 7)`))
    .addColumn('group_count', 'integer', (c) => c.check(sql`group_count is null or group_count between 1 and 64`))
    .addColumn('advance_per_group', 'integer', (c) => c.check(sql`advance_per_group is null or advance_per_group between 1 and 8`))
    .addColumn('tiebreak', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'running', 'finished')`))
    .addColumn('draw', 'jsonb')
    .addColumn('starts_at', 'timestamptz')
    .addColumn('match_minutes', 'integer', (c) => c.notNull().defaultTo(30).check(sql`match_minutes between 5 and 240`))
    .addColumn('room_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tournament_id', 'uuid', (c) => c.notNull().references('tournaments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.check(sql`seed is null or seed >= 1`))
    // Members playing (one for singles; a gateball team's five with their ball numbers in `players`).
    .addColumn('players', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index participants_name_key on participants (tournament_id, lower(name))`.execute(db);
  await sql`create unique index participants_seed_key on participants (tournament_id, seed) where seed is not null`.execute(db);

  await db.schema
    .createTable('matches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tournament_id', 'uuid', (c) => c.notNull().references('tournaments.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('side1', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('side2', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'ready', 'live', 'done', 'bye')`))
    .addColumn('winner_id', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
    // The result as entered (games, balls, score or walkover) with the sport's verdict, or null.
    .addColumn('result', 'jsonb')
    // The score while the match is being played (point by point, ball by ball, the clock).
    .addColumn('live', 'jsonb')
    // Why a stored result was set aside after a correction upstream: the referee must look at it.
    .addColumn('flag', 'text')
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index matches_key on matches (tournament_id, key)`.execute(db);

  await db.schema
    .createTable('match_results')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('match_id', 'uuid', (c) => c.notNull().references('matches.id').onDelete('cascade'))
    .addColumn('result', 'jsonb')
    .addColumn('entered_for', 'jsonb', (c) => c.notNull())
    .addColumn('entered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('superseded_at', 'timestamptz')
    .execute();
  await sql`create unique index match_results_current on match_results (match_id) where superseded_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('match_results').execute();
  await db.schema.dropTable('matches').execute();
  await db.schema.dropTable('participants').execute();
  await db.schema.dropTable('tournaments').execute();
}
