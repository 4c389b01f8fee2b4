/**
 * The data the enrolment benchmarks work on, made fast. Members come through the members module's batch
 * insert and a term through the API (which makes its secret and publishes its hash, as the office's would),
 * but classes and applications are inserted by one SQL statement each: what is measured is the draw or the
 * rush, not 300 calendar series or 8,000 setup requests. The classes therefore have no calendar sessions.
 *
 * Popularity is skewed as in a real prospectus (a few classes wanted by many, most by a few): a class's share of
 * the choices falls with its popularity rank as 1/rank^s (Zipf), with a fixed seed so runs compare.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { insertMembers } from '../../server/modules/members/queries.ts';
import type { TermMode } from '../../server/shared/enums.ts';

/** A small deterministic generator (mulberry32): the same seed gives the same site, so runs compare. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weights 1/rank^s for ranks 1…n (s = 1: the first class is wanted about twice as much as the second). */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
}

/** `count` distinct indexes drawn by weight without replacement, best (first drawn) first. */
export function rankedChoices(random: () => number, weights: readonly number[], count: number): number[] {
  const left = [...weights];
  let total = left.reduce((a, b) => a + b, 0);
  const chosen: number[] = [];
  while (chosen.length < Math.min(count, weights.length)) {
    let r = random() * total;
    let i = 0;
    while (i < left.length - 1 && (r -= left[i]!) >= 0) i += 1;
    // Rounding can leave r just past the last weight still standing: step back to one not taken.
    while (left[i] === 0) i -= 1;
    chosen.push(i);
    total -= left[i]!;
    left[i] = 0;
  }
  return chosen;
}

const COURSES = ['声乐', '舞蹈', '书法', '国画', '摄影', '智能手机', '太极拳', '京剧', '钢琴', '电子琴', '英语', '诗词', '模特', '养生', '葫芦丝', '剪纸'];

/** `count` members (about one in twenty 离休干部, the category a term may put first), inserted in batches; their ids. */
export async function createEnrolmentMembers(db: Kysely<DB>, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
      const n = start + i + 1;
      return {
        name: `学员${tag}${n}`, memberNo: null, gender: null, birthMonth: null, formerUnit: null, formerPosition: null,
        category: n % 20 === 0 ? ('veteran' as const) : ('retired' as const), phone: null, cardCode: `${tag}${String(n).padStart(6, '0')}`, notes: null,
      };
    });
    ids.push(...(await insertMembers(db, batch)).map((m) => m.id));
  }
  return ids;
}

export interface TermWindow {
  mode: TermMode;
  /** Closed: the application window ended a minute ago (a lottery ready to draw). Open: it runs for another day. */
  window: 'open' | 'closed';
  classesPerMember: number;
  choicesPerApplication: number;
}

/** A term made through POST /api/terms as the office would; returns its id. */
export async function createTerm(app: FastifyInstance, cookie: string, venueId: string, rules: TermWindow): Promise<string> {
  const now = Date.now();
  const day = 86_400_000;
  const response = await app.inject({
    method: 'POST',
    url: '/api/terms',
    headers: { cookie },
    payload: {
      venueId,
      name: `${rules.mode === 'lottery' ? '摇号' : '先到先得'} ${new Date(now).toISOString().slice(11, 23)}`,
      mode: rules.mode,
      applyFrom: new Date(now - 3 * day).toISOString(),
      applyUntil: new Date(rules.window === 'closed' ? now - 60_000 : now + day).toISOString(),
      classesPerMember: rules.classesPerMember,
      choicesPerApplication: rules.choicesPerApplication,
      priorityCategories: ['veteran'],
      payUntil: new Date(now + 14 * day).toISOString(),
    },
  });
  if (response.statusCode !== 201) throw new Error(`creating the term failed (${response.statusCode}): ${response.body}`);
  return (response.json() as { term: { id: string } }).term.id;
}

/** Classes of the term with these capacities (most popular first), spread over the rooms; their ids in the same order. */
export async function insertClasses(db: Kysely<DB>, termId: string, roomIds: readonly string[], capacities: readonly number[]): Promise<string[]> {
  const firstMonday = Date.UTC(2027, 2, 1, 1, 0);
  const rows = capacities.map((capacity, i) => {
    const start = firstMonday + (i % 5) * 86_400_000 + Math.floor(i / 5) * 3_600_000;
    return {
      ord: i,
      name: `${COURSES[i % COURSES.length]}${Math.floor(i / COURSES.length) + 1}班`,
      course: COURSES[i % COURSES.length]!,
      room_id: roomIds[i % roomIds.length]!,
      first_start: new Date(start).toISOString(),
      first_end: new Date(start + 5_400_000).toISOString(),
      capacity,
    };
  });
  const result = await sql<{ id: string; name: string }>`
    insert into term_classes (term_id, name, course, fee_cents, room_id, first_start, first_end, rrule, capacity)
    select ${termId}::uuid, r.name, r.course, 30000, r.room_id, r.first_start, r.first_end, 'FREQ=WEEKLY;COUNT=16', r.capacity
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(ord int, name text, course text, room_id uuid, first_start timestamptz, first_end timestamptz, capacity int)
    returning id, name`.execute(db);
  // The names are distinct (course and number), so they say which id is which whatever order RETURNING keeps.
  const idOf = new Map(result.rows.map((r) => [r.name, r.id]));
  return rows.map((r) => {
    const id = idOf.get(r.name);
    if (!id) throw new Error(`class ${r.name} was not inserted`);
    return id;
  });
}

/** Applications of the term (member, ranked class ids), by one statement, as if made at the kiosks; returns how many. */
export async function insertApplications(db: Kysely<DB>, termId: string, applications: ReadonlyArray<{ memberId: string; choices: readonly string[] }>): Promise<number> {
  const result = await sql`
    insert into enrolment_applications (term_id, member_id, choices, idempotency_key, channel)
    select ${termId}::uuid, r.member_id, array(select jsonb_array_elements_text(r.choices)::uuid), gen_random_uuid(), 'kiosk'
    from jsonb_to_recordset(${JSON.stringify(applications.map((a) => ({ member_id: a.memberId, choices: a.choices })))}::jsonb) as r(member_id uuid, choices jsonb)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A kiosk or hall display of the venue, paired through the API as staff would; returns its bearer token. */
export async function pairDevice(app: FastifyInstance, cookie: string, venueId: string, kind: 'kiosk' | 'display'): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/devices', headers: { cookie }, payload: { kind, venueId, name: `Bench ${kind}` } });
  if (created.statusCode !== 201) throw new Error(`creating the ${kind} failed: ${created.body}`);
  const { pairingCode } = created.json() as { pairingCode: string };
  const paired = await app.inject({ method: 'POST', url: '/api/devices/pair', payload: { pairingCode } });
  if (paired.statusCode !== 200) throw new Error(`pairing the ${kind} failed: ${paired.body}`);
  return (paired.json() as { token: string }).token;
}
