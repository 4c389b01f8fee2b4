/**
 * The projector checks the draw it shows, in the browser, with the published algorithm
 * (server/shared/enrolment-draw.ts, docs/rules.md "Enrolment draw"): the revealed secret hashes to the seedHash
 * published before, and recomputing from the published data gives the same seed, order and placements. The same
 * check anyone can run on the verification page; here it reassures the hall at once.
 */
import { isHex64, runDrawAsync } from '../../server/shared/enrolment-draw.ts';
import type { DrawViewDto } from './types.ts';

export interface DrawCheck {
  /** sha256(secret) is the seedHash published when the term was made. */
  commitment: boolean;
  /** Recomputing gives the published seed, order and placements. */
  result: boolean;
}

export type Sha256 = (text: string) => Promise<string>;

const line = (p: { applicationId: string; classId: string; status: string; position: number | null }) =>
  `${p.applicationId} ${p.classId} ${p.status} ${p.position}`;

export async function checkDraw(view: DrawViewDto, sha256: Sha256): Promise<DrawCheck> {
  const { draw } = view;
  const commitment = isHex64(draw.secret) && (await sha256(draw.secret)) === draw.seedHash;
  if (!isHex64(draw.secret)) return { commitment, result: false };
  const again = await runDrawAsync(
    {
      secret: draw.secret,
      publicNumber: draw.publicNumber,
      applications: draw.applications,
      seats: new Map(draw.seats.map((s) => [s.classId, s.seats])),
      classesPerMember: draw.classesPerMember,
    },
    sha256,
  );
  const result =
    again.seed === draw.seed &&
    again.order.join('\n') === draw.order.join('\n') &&
    again.placements.map(line).join('\n') === view.placements.map(line).join('\n');
  return { commitment, result };
}

/**
 * SHA-256 with the browser's crypto.subtle, which exists only in secure contexts (https, localhost): elsewhere
 * null, and the projector says the check is on the verification page instead.
 */
export function browserSha256(): Sha256 | null {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return async (text) => {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  };
}
