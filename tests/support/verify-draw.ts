/**
 * An outside verifier of a published enrolment draw, written from the words of docs/rules.md "Enrolment draw"
 * alone: it deliberately shares no code with server/shared/enrolment-draw.ts (and words the placement rule the
 * way the docs do, "ranked above the last admitted class", not as that file's walk), so the two agreeing is
 * evidence that the code does what the docs publish. It is the few lines a notary's engineer would write.
 */
import { createHash } from 'node:crypto';

/** The published draw; other fields may be present and are ignored. */
export interface PublishedDraw {
  secret: string;
  seedHash: string;
  publicNumber: string;
  seed: string;
  order: string[];
  classesPerMember: number;
  applications: Array<{ id: string; choices: string[]; tier: 0 | 1 }>;
  seats: Array<{ classId: string; seats: number }>;
  placements: Array<{ applicationId: string; classId: string; status: 'admitted' | 'waitlisted'; position: number | null }>;
}

export type Verdict = { ok: true } | { ok: false; problems: string[] };

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

export function verifyDraw(draw: PublishedDraw): Verdict {
  const problems: string[] = [];
  if (!/^[0-9a-f]{64}$/.test(draw.secret)) problems.push('the secret is not 64 lower-case hex characters');
  if (sha256(draw.secret) !== draw.seedHash) problems.push('seedHash is not sha256(secret)');
  const seed = sha256(`${draw.secret}:${draw.publicNumber}`);
  if (seed !== draw.seed) problems.push('seed is not sha256(secret + ":" + publicNumber)');

  // The order: tier, then the ticket sha256(seed + ":" + id) as text, then the id.
  const keyed = draw.applications.map((a) => ({ a, key: [a.tier, sha256(`${seed}:${a.id}`), a.id] as const }));
  keyed.sort((x, y) => compare(x.key[0], y.key[0]) || compare(x.key[1], y.key[1]) || compare(x.key[2], y.key[2]));
  const order = keyed.map((k) => k.a);
  if (JSON.stringify(order.map((a) => a.id)) !== JSON.stringify(draw.order)) problems.push('order is not the draw order');

  // Serial placement: take the best classes with a seat, up to classesPerMember; wait for every class not got that
  // is ranked above the last one got, or for every class not got when fewer than classesPerMember were got.
  const free = new Map(draw.seats.map((s) => [s.classId, s.seats]));
  const waiting = new Map<string, number>();
  const expected: string[] = [];
  for (const a of order) {
    const got: string[] = [];
    for (const c of a.choices) {
      if (got.length < draw.classesPerMember && (free.get(c) ?? 0) > 0) {
        free.set(c, (free.get(c) ?? 0) - 1);
        got.push(c);
        expected.push(`${a.id} ${c} admitted null`);
      }
    }
    const waitAbove = got.length === draw.classesPerMember ? a.choices.indexOf(got[got.length - 1] ?? '') : a.choices.length;
    for (const c of a.choices.slice(0, Math.max(0, waitAbove))) {
      if (got.includes(c)) continue;
      waiting.set(c, (waiting.get(c) ?? 0) + 1);
      expected.push(`${a.id} ${c} waitlisted ${waiting.get(c)}`);
    }
  }
  const published = draw.placements.map((p) => `${p.applicationId} ${p.classId} ${p.status} ${p.position}`);
  const expectedSet = new Set(expected);
  const publishedSet = new Set(published);
  for (const e of expected) if (!publishedSet.has(e)) problems.push(`missing placement: ${e}`);
  for (const p of publishedSet) if (!expectedSet.has(p)) problems.push(`placement not given by the rules: ${p}`);
  if (publishedSet.size !== published.length) problems.push('a placement is listed twice');

  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
