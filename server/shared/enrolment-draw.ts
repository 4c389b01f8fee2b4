/**
 * The enrolment draw for oversubscribed classes (docs/rules.md "Enrolment draw"). The algorithm is published so
 * that anyone can recompute a draw with a few lines of their own code: every step here must stay exactly as that
 * section words it, because an outside verifier (tests/support/verify-draw.ts, and the copy in the docs) repeats
 * it from the words alone.
 *
 * Hashing is passed in (SHA-256 over UTF-8 text, lower-case hex): the server hashes with node:crypto, the
 * browser's verification page with crypto.subtle, which is asynchronous, hence `runDrawAsync`.
 */

/** One application: `choices` are class ids, best first, no repeats; tier 0 (a priority category) draws first. */
export interface DrawApplication {
  id: string;
  choices: readonly string[];
  tier: 0 | 1;
}

/** `position` is the place on the class's waiting list (1-based) for `waitlisted`, null for `admitted`. */
export interface DrawPlacement {
  applicationId: string;
  classId: string;
  status: 'admitted' | 'waitlisted';
  position: number | null;
}

/** A ticket (the hex hash that orders an application within its tier) by application id. */
export type TicketSource = ReadonlyMap<string, string> | ((applicationId: string) => string);

export interface DrawInput {
  /** 64 lower-case hex characters; sha256(secret) is the seedHash published when the term was created. */
  secret: string;
  /** Exactly the text entered at the draw (not trimmed, not parsed: "0483920" and "483920" differ). */
  publicNumber: string;
  applications: readonly DrawApplication[];
  /** Seats by class id; a class missing here has none. */
  seats: ReadonlyMap<string, number>;
  classesPerMember: number;
}

export interface DrawResult {
  seed: string;
  /** Application ids in draw order. */
  order: string[];
  placements: DrawPlacement[];
}

/** The text whose SHA-256 is the seed. */
export const seedText = (secret: string, publicNumber: string): string => `${secret}:${publicNumber}`;

/** The text whose SHA-256 is an application's ticket. */
export const ticketText = (seed: string, applicationId: string): string => `${seed}:${applicationId}`;

/** A secret or hash as the draw writes it: 64 lower-case hex characters. */
export function isHex64(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

// Plain code-unit comparison, never localeCompare: the published rule is "compared as text", and a verifier in
// another language compares bytes, which for the hex tickets (and any ASCII id) is the same order.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Application ids in draw order: tier 0 before tier 1, then by ticket (ascending as text), then by id, so the
 * order is total and independent of the order the applications are given in.
 */
export function drawOrder(applications: readonly DrawApplication[], tickets: TicketSource): string[] {
  const ticketOf = typeof tickets === 'function' ? tickets : (id: string) => tickets.get(id);
  const seen = new Set<string>();
  const keyed = applications.map((a) => {
    if (seen.has(a.id)) throw new Error(`application ${a.id} appears twice`);
    seen.add(a.id);
    const ticket = ticketOf(a.id);
    if (ticket === undefined) throw new Error(`no ticket for application ${a.id}`);
    return { id: a.id, tier: a.tier, ticket };
  });
  keyed.sort((x, y) => x.tier - y.tier || byText(x.ticket, y.ticket) || byText(x.id, y.id));
  return keyed.map((k) => k.id);
}

/**
 * Serial placement over applications already in draw order. Each applicant walks their choices best first until
 * they hold `classesPerMember` classes: a class with a free seat is taken, a full one puts them on its waiting
 * list. Walking stops at the last class they take once they hold enough, so they wait only for classes ranked
 * above it; with fewer than enough they wait for every ranked class they did not get. Waiting lists fill in draw
 * order. Placements come out by draw order, then by rank.
 */
export function placeSerially(
  order: readonly DrawApplication[],
  seats: ReadonlyMap<string, number>,
  classesPerMember: number,
): DrawPlacement[] {
  if (!Number.isInteger(classesPerMember) || classesPerMember < 1) {
    throw new RangeError(`classesPerMember must be a whole number from 1, not ${classesPerMember}`);
  }
  const free = new Map<string, number>();
  const waiting = new Map<string, number>();
  const placements: DrawPlacement[] = [];
  for (const application of order) {
    // A repeated choice would make "ranked above" ambiguous; the caller's schema refuses it already.
    if (new Set(application.choices).size !== application.choices.length) {
      throw new Error(`application ${application.id} ranks a class twice`);
    }
    let held = 0;
    for (const classId of application.choices) {
      if (held === classesPerMember) break;
      const left = free.get(classId) ?? seats.get(classId) ?? 0;
      if (left > 0) {
        free.set(classId, left - 1);
        held += 1;
        placements.push({ applicationId: application.id, classId, status: 'admitted', position: null });
      } else {
        const position = (waiting.get(classId) ?? 0) + 1;
        waiting.set(classId, position);
        placements.push({ applicationId: application.id, classId, status: 'waitlisted', position });
      }
    }
  }
  return placements;
}

/** The applications in the order `drawOrder` gave. */
function inOrder(applications: readonly DrawApplication[], order: readonly string[]): DrawApplication[] {
  const byId = new Map(applications.map((a) => [a.id, a]));
  return order.map((id) => byId.get(id)!);
}

function checkSecret(secret: string): void {
  if (!isHex64(secret)) throw new Error('the secret must be 64 lower-case hex characters');
}

/** The whole draw with a synchronous SHA-256 (text in, lower-case hex out), as the server runs it. */
export function runDraw(input: DrawInput, sha256: (text: string) => string): DrawResult {
  checkSecret(input.secret);
  const seed = sha256(seedText(input.secret, input.publicNumber));
  const order = drawOrder(input.applications, (id) => sha256(ticketText(seed, id)));
  return { seed, order, placements: placeSerially(inOrder(input.applications, order), input.seats, input.classesPerMember) };
}

/** The same with an asynchronous SHA-256 (crypto.subtle in a browser): tickets are hashed first, then ordered. */
export async function runDrawAsync(input: DrawInput, sha256: (text: string) => Promise<string>): Promise<DrawResult> {
  checkSecret(input.secret);
  const seed = await sha256(seedText(input.secret, input.publicNumber));
  const hashed = await Promise.all(input.applications.map(async (a) => [a.id, await sha256(ticketText(seed, a.id))] as const));
  const order = drawOrder(input.applications, new Map(hashed));
  return { seed, order, placements: placeSerially(inOrder(input.applications, order), input.seats, input.classesPerMember) };
}
