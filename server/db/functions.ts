/**
 * The database's functions (check-in, headcount, outbox, report roll-up triggers, member erasure), each in a
 * file of its own: server/db/functions/<name>.sql holds its current text, one `create or replace function`.
 * After the migrations, on every start and under the same advisory lock (migrate.ts), every file is applied
 * in one transaction, the way Flyway applies repeatable migrations; the migrations that first created them
 * stay frozen as history. tests/integration/db-functions.test.ts checks that the database holds exactly these
 * texts and no other function of ours.
 *
 * How to change a function:
 * - Its body, volatility or comments: edit its file. The next start replaces it; no migration.
 * - Its arguments or return type: `create or replace` cannot change those, and a new argument list would
 *   leave the old function beside the new one. Edit the file and add a migration that drops the old signature
 *   (`drop function if exists name(old argument types)`); the file then creates the new one.
 * - A new function: a new file, named for the function. Removing one: delete its file and drop it in a
 *   migration. A table, index or trigger is still a migration; a trigger names its function, whose body lives here.
 *
 * What TypeScript defines is not repeated in the files: they name it `${placeholder}` and the value is
 * written in from PLACEHOLDERS below when they are applied (Flyway's placeholders). Values that vary by call
 * (a venue's topic, a check-in's events) are arguments instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { LiveEventType } from '../realtime/protocol.ts';
import { CAPACITY_WARNING_PERCENT } from '../shared/capacity.ts';
import type { DB } from './schema.ts';

/** The channel the outbox functions NOTIFY on and every dispatcher LISTENs on (server/realtime/dispatcher.ts). */
export const OUTBOX_CHANNEL = 'centre_ops_outbox';

/** Events whose stored data erase_member_copies rewrites: they carry an entry with its players' names. */
const PARTICIPANT_EVENTS = ['participant.added', 'participant.updated'] as const satisfies readonly LiveEventType[];

type PlaceholderValue = string | number | readonly string[];

/** The values written into the functions' text where it says `${name}`. */
export const PLACEHOLDERS: Readonly<Record<string, PlaceholderValue>> = {
  outbox_channel: OUTBOX_CHANNEL,
  capacity_warning_percent: CAPACITY_WARNING_PERCENT,
  participant_events: PARTICIPANT_EVENTS,
};

export const FUNCTIONS_DIR = path.join(import.meta.dirname, 'functions');

export interface DatabaseFunction {
  /** The function's name, which is its file's name. */
  name: string;
  /** The statement that creates it, placeholders filled in. */
  statement: string;
  /** What the database keeps as its source (`pg_proc.prosrc`): the text between the `$$`. */
  body: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function literal(name: string, value: PlaceholderValue): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`placeholder ${name} must be a whole number, not ${value}`);
    return String(value);
  }
  if (value.length === 0) throw new Error(`placeholder ${name} is an empty list`);
  return value.map(quote).join(', ');
}

/** `text` with every `${name}` replaced by its value as an SQL literal (a list: literals separated by commas). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, PlaceholderValue>> = PLACEHOLDERS): string {
  return text.replace(/\$\{([a-z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unknown placeholder \${${name}}`);
    return literal(name, value);
  });
}

/** One file's function, checked to be what its name says. */
export function parseFunction(name: string, text: string): DatabaseFunction {
  const statement = fillPlaceholders(text).trim();
  const header = new RegExp(`^create or replace function ${name}\\(`, 'm');
  if (!header.test(statement)) throw new Error(`${name}.sql must create the function ${name} with \`create or replace function ${name}(\``);
  const first = statement.indexOf('$$');
  const last = statement.lastIndexOf('$$');
  if (first < 0 || last === first || !statement.endsWith('$$')) throw new Error(`${name}.sql must end with the function's body between $$`);
  return { name, statement, body: statement.slice(first + 2, last) };
}

/** Every function file, by name. */
export function databaseFunctions(dir = FUNCTIONS_DIR): DatabaseFunction[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parseFunction(file.slice(0, -'.sql'.length), readFileSync(path.join(dir, file), 'utf8')));
}

/**
 * Create or replace every function, all or none. Run under the migration lock (migrate.ts): two processes
 * replacing one function at once would collide. A function's body is not checked against the tables until
 * it runs (PL/pgSQL), so the order of the files does not matter.
 */
export async function applyFunctions(db: Kysely<DB>, functions = databaseFunctions()): Promise<void> {
  // Schema, not data (like the migrator's own transactions): all or none, so that processes already running
  // never meet half of a new set of functions.
  // eslint-disable-next-line no-restricted-syntax
  await db.transaction().execute(async (trx) => {
    for (const fn of functions) {
      try {
        await sql.raw(fn.statement).execute(trx);
      } catch (error) {
        throw new Error(`database function ${fn.name} (server/db/functions/${fn.name}.sql): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  });
}
