/**
 * The public draw of a large lottery term: 300 classes (capacities 15–40, popularity skewed so that a few classes
 * are wanted by many) and 8,000 applications of three ranked choices, two classes per member, the window closed.
 * Each run makes a fresh term (through the API) with its classes and applications (one SQL statement each,
 * enrolment-fixture.ts) and then times the whole draw as the office's screen makes it: `POST
 * /api/terms/:id/draw` over HTTP, from the request to the last byte of the answer. That is one write: the term
 * locked, the applications and seats read, the published algorithm run, ~16,000 placements inserted in one
 * statement (the seat triggers once), the draw stored with everything needed to recompute it, the answer sent.
 *
 * Where the time goes: every statement of the draw's transaction is timed (by wrapping this one app's
 * `db.transaction()`, as fanout-latency.ts does), and the pure placement, server/shared/enrolment-draw.ts
 * `runDraw` with the same inputs, is run again in this process; its result must equal the server's.
 * There is no bare route to compare with: the figure is absolute, against the goal (under 2 s on PGlite).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { DrawViewDto } from '../../server/modules/enrolment/schemas.ts';
import { sha256Hex } from '../../server/modules/enrolment/terms.ts';
import { runDraw } from '../../server/shared/enrolment-draw.ts';
import { createScratchDatabase, storageLabel, type BenchStorage } from './databases.ts';
import { createEnrolmentMembers, createTerm, insertApplications, insertClasses, rankedChoices, seededRandom, zipfWeights } from './enrolment-fixture.ts';
import { createVenueWithRooms, signInAdmin } from './fixture.ts';
import type { Row } from './report.ts';
import { buildBenchApp } from './served-app.ts';
import { repeat, spread, type RepeatOptions } from './stats.ts';

export interface EnrolmentDrawOptions {
  storage: BenchStorage;
  adminUrl: string | null;
  classes: number;
  applicants: number;
  /** Ranked choices per application. */
  choices: number;
  classesPerMember: number;
  repeat: RepeatOptions;
}

const ROOMS = 20;
/** Popularity falls as 1/rank^s: with s = 1 the most wanted of 300 classes is some applicants' first choice about 1,300 times. */
const POPULARITY_SKEW = 1;

interface TimedStatement {
  sql: string;
  ms: number;
}

/**
 * Times every transaction this app opens, and every statement inside it, by wrapping `db.transaction()` of this
 * one Kysely instance (the one the routes write through). `restore()` puts it back.
 */
function timeTransactions(db: Kysely<DB>) {
  let taken: Array<{ ms: number; statements: TimedStatement[] }> = [];
  const original = db.transaction;
  db.transaction = function timedTransaction(this: Kysely<DB>) {
    const builder = original.call(this);
    const execute = builder.execute.bind(builder);
    builder.execute = async (callback) => {
      const statements: TimedStatement[] = [];
      const started = performance.now();
      try {
        return await execute((trx) => {
          // The transaction's own executor (one per transaction): timing it times exactly this transaction's statements.
          const executor = trx.getExecutor();
          const run = executor.executeQuery.bind(executor);
          executor.executeQuery = ((query, options) => {
            const at = performance.now();
            return run(query, options).finally(() => statements.push({ sql: query.sql, ms: performance.now() - at }));
          }) as typeof executor.executeQuery;
          return callback(trx);
        });
      } finally {
        taken.push({ ms: performance.now() - started, statements });
      }
    };
    return builder;
  } as Kysely<DB>['transaction'];
  return {
    take() {
      const result = taken;
      taken = [];
      return result;
    },
    restore() {
      db.transaction = original;
    },
  };
}

/** The statements of the draw that matter, by their text (queries.ts insertPlacements, insertDraw, applicationsForDraw). */
const PARTS = {
  placements: /^\s*insert into placements\b/i,
  draw: /^\s*insert into "?term_draws"?/i,
  applications: /from enrolment_applications ea join members/i,
} as const;

export async function benchEnrolmentDraw(options: EnrolmentDrawOptions): Promise<Row[]> {
  const scratch = await createScratchDatabase(options.storage, options.adminUrl);
  const app = await buildBenchApp(scratch.database);
  const timing = timeTransactions(app.database.db);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('the app is not listening on a TCP port');
    const url = `http://127.0.0.1:${address.port}`;
    const db = scratch.database.db;
    const cookie = await signInAdmin(app);
    const { venueId, roomIds } = await createVenueWithRooms(db, ROOMS);
    // The same members apply to each run's term (one application per member and term), as a city's do term after term.
    const members = await createEnrolmentMembers(db, options.applicants, 'DRAW');
    const weights = zipfWeights(options.classes, POPULARITY_SKEW);
    let placementsMade = 0;
    let answerBytes = 0;

    const result = await repeat(options.repeat, async (runIndex) => {
      // The same prospectus and the same choices every run (only the term's secret differs), so runs compare.
      const random = seededRandom(20_270_301);
      const termId = await createTerm(app, cookie, venueId, {
        mode: 'lottery', window: 'closed', classesPerMember: options.classesPerMember, choicesPerApplication: options.choices,
      });
      const capacities = Array.from({ length: options.classes }, () => 15 + Math.floor(random() * 26));
      const classIds = await insertClasses(db, termId, roomIds, capacities);
      const applications = members.map((memberId) => ({ memberId, choices: rankedChoices(random, weights, options.choices).map((i) => classIds[i]!) }));
      const inserted = await insertApplications(db, termId, applications);
      if (inserted !== options.applicants) throw new Error(`inserted ${inserted} of ${options.applicants} applications`);

      const publicNumber = String(48_213 + runIndex);
      timing.take();
      const started = performance.now();
      const response = await fetch(`${url}/api/terms/${termId}/draw`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ publicNumber }),
      });
      const text = await response.text();
      const drawMs = performance.now() - started;
      if (response.status !== 200) throw new Error(`the draw failed (${response.status}): ${text.slice(0, 300)}`);
      const answer = JSON.parse(text) as DrawViewDto;
      answerBytes = Buffer.byteLength(text);
      placementsMade = answer.placements.length;

      const transactions = timing.take();
      const drawTransaction = transactions.find((t) => t.statements.some((s) => PARTS.draw.test(s.sql)));
      if (!drawTransaction) throw new Error('the draw\'s transaction was not seen (did write() stop using db.transaction()?)');
      const part = (re: RegExp) => drawTransaction.statements.filter((s) => re.test(s.sql)).reduce((sum, s) => sum + s.ms, 0);
      const statementsMs = drawTransaction.statements.reduce((sum, s) => sum + s.ms, 0);
      const placementsMs = part(PARTS.placements);
      const storeMs = part(PARTS.draw);
      const readMs = part(PARTS.applications);

      // The pure placement with the very inputs the server published; its result must be the server's.
      const input = {
        secret: answer.draw.secret,
        publicNumber,
        applications: answer.draw.applications,
        seats: new Map(answer.draw.seats.map((s) => [s.classId, s.seats])),
        classesPerMember: answer.draw.classesPerMember,
      };
      const pureStarted = performance.now();
      const pure = runDraw(input, sha256Hex);
      const pureMs = performance.now() - pureStarted;
      if (pure.seed !== answer.draw.seed || JSON.stringify(pure.placements) !== JSON.stringify(answer.placements)) {
        throw new Error('runDraw in this process did not reproduce the server\'s draw');
      }
      const stored = await db.selectFrom('placements').select((eb) => eb.fn.countAll<string>().as('n')).where('termId', '=', termId).executeTakeFirstOrThrow();
      if (Number(stored.n) !== answer.placements.length) throw new Error(`the answer lists ${answer.placements.length} placements, the database holds ${stored.n}`);

      return {
        drawMs,
        pureMs,
        ratio: drawMs / pureMs,
        transactionMs: drawTransaction.ms,
        placementsMs,
        storeMs,
        readMs,
        otherStatementsMs: statementsMs - placementsMs - storeMs - readMs,
        otherStatements: drawTransaction.statements.length - 3,
        javascriptMs: drawTransaction.ms - statementsMs,
        outsideMs: drawMs - drawTransaction.ms,
      };
    });

    const m = result.median;
    const [low, high] = spread(result, 'drawMs');
    const n = (value: number) => value.toLocaleString('en-US');
    const mb = (answerBytes / 1024 ** 2).toFixed(1);
    const base = {
      benchmark: `Lottery draw: ${options.classes} classes, ${n(options.applicants)} applicants × ${options.choices} choices (POST /api/terms/:id/draw over HTTP)`,
      storage: storageLabel[options.storage],
      unit: 'ms' as const,
      baseline: null,
      ratio: null,
    };
    return [
      {
        ...base,
        measure: `whole draw, request → last byte of the answer (runs ${low.toFixed(0)}–${high.toFixed(0)} ms); baseline: runDraw alone`,
        value: m.drawMs, baseline: m.pureMs, ratio: m.ratio, ratioRange: spread(result, 'ratio'),
      },
      { ...base, measure: 'its transaction, from asking for a connection to COMMIT', value: m.transactionMs },
      { ...base, measure: `in it: inserting the ${n(placementsMade)} placements (one statement, seat triggers)`, value: m.placementsMs },
      { ...base, measure: `in it: storing the published draw (${mb} MB of JSON)`, value: m.storeMs },
      { ...base, measure: 'in it: reading the applications with their members\' categories', value: m.readMs },
      { ...base, measure: `in it: the other ${m.otherStatements} statements (term and classes locked, secret, round, term, audit…)`, value: m.otherStatementsMs },
      { ...base, measure: 'in it: the rest: BEGIN, COMMIT and the JavaScript between statements (runDraw, rows, JSON)', value: m.javascriptMs },
      { ...base, measure: `outside it: routing and the ${mb} MB answer serialised and sent`, value: m.outsideMs },
      { ...base, measure: `pure placement: runDraw in process (${n(options.applicants)} tickets hashed, sorted, placed)`, value: m.pureMs },
    ];
  } finally {
    timing.restore();
    await app.close();
    await scratch.drop();
  }
}
