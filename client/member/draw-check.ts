/**
 * The public verification page's check of a published draw (docs/rules.md "Enrolment draw"): recompute it in
 * the browser from the published data with the same shared code the server ran (server/shared/enrolment-draw.ts)
 * and say which of its parts agree. Each part is checked on its own, so that the page can say exactly what
 * differs instead of only "does not match".
 */
import type { DrawViewDto } from '../../server/modules/enrolment/schemas.ts';
import { isHex64, runDrawAsync } from '../../server/shared/enrolment-draw.ts';

/** What can disagree, in the order a person would check it. */
export type DrawProblem =
  /** The published secret is not 64 lower-case hex characters: nothing else can be recomputed. */
  | { kind: 'secretFormat' }
  /** sha256(secret) is not the seedHash published when the term opened: the secret was changed. */
  | { kind: 'seedHash'; computed: string }
  /** sha256(secret:publicNumber) is not the published seed. */
  | { kind: 'seed'; computed: string }
  /** The applications come out in another order than the published one. */
  | { kind: 'order'; firstDifference: number }
  /** Placements the rules give that were not published, and published ones the rules do not give. */
  | { kind: 'placements'; missing: number; extra: number };

export interface DrawCheck {
  ok: boolean;
  problems: DrawProblem[];
  /** What this page computed (empty when the secret could not be used). */
  seedHash: string;
  seed: string;
  /** Counts of the published result, for the summary line. */
  applications: number;
  admitted: number;
  waitlisted: number;
}

type Sha256 = (text: string) => Promise<string>;

const placementKey = (p: { applicationId: string; classId: string; status: string; position: number | null }) =>
  `${p.applicationId} ${p.classId} ${p.status} ${p.position ?? 'null'}`;

/** How many of `a` are not matched one-for-one in `b` (multisets: a placement listed twice counts twice). */
function unmatched(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  let count = 0;
  for (const key of a) {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else count += 1;
  }
  return count;
}

export async function checkDraw(view: DrawViewDto, sha256: Sha256): Promise<DrawCheck> {
  const { draw, placements } = view;
  const summary = {
    applications: draw.applications.length,
    admitted: placements.filter((p) => p.status === 'admitted').length,
    waitlisted: placements.filter((p) => p.status === 'waitlisted').length,
  };
  if (!isHex64(draw.secret)) {
    return { ok: false, problems: [{ kind: 'secretFormat' }], seedHash: '', seed: '', ...summary };
  }
  const problems: DrawProblem[] = [];
  const seedHash = await sha256(draw.secret);
  if (seedHash !== draw.seedHash) problems.push({ kind: 'seedHash', computed: seedHash });

  const result = await runDrawAsync(
    {
      secret: draw.secret,
      publicNumber: draw.publicNumber,
      applications: draw.applications,
      seats: new Map(draw.seats.map((s) => [s.classId, s.seats])),
      classesPerMember: draw.classesPerMember,
    },
    sha256,
  );
  if (result.seed !== draw.seed) problems.push({ kind: 'seed', computed: result.seed });

  const length = Math.max(result.order.length, draw.order.length);
  for (let i = 0; i < length; i++) {
    if (result.order[i] !== draw.order[i]) {
      problems.push({ kind: 'order', firstDifference: i + 1 });
      break;
    }
  }

  const expected = result.placements.map(placementKey);
  const published = placements.map(placementKey);
  const missing = unmatched(expected, published);
  const extra = unmatched(published, expected);
  if (missing > 0 || extra > 0) problems.push({ kind: 'placements', missing, extra });

  return { ok: problems.length === 0, problems, seedHash, seed: result.seed, ...summary };
}
