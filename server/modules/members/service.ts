/**
 * Members of the city's centres (not of one venue: a member may visit any centre). Staff manage them; a
 * kiosk may look members up to check them in, and sees them as privacy.ts allows.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../errors.ts';
import { write } from '../../realtime/write.ts';
import { memberCreated, memberRemoved, memberUpdated } from '../audit/entries.ts';
import { eraseMemberFromLog } from '../audit/record.ts';
import { requirePrincipal, requireUser, type Principal } from '../auth/principal.ts';
import { eraseMemberCopies } from './erasure.ts';
import { isGuessable, parseDeviceQuery } from './device-search.ts';
import type { KioskLookupLimits } from './lookup-limits.ts';
import { DEVICE_SEARCH_HITS } from '../../shared/member-privacy.ts';
import { forViewer } from './privacy.ts';
import * as q from './queries.ts';
import type { CreateMemberInput, ListMembersInput, MemberDto, UpdateMemberInput } from './schemas.ts';

const toMember = (row: Awaited<ReturnType<typeof q.findMember>> & object): MemberDto => ({ ...row });

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const cleanPhone = (value: string | null | undefined) => clean(value?.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''));
const cleanCode = (value: string | null | undefined) => clean(value)?.toUpperCase() ?? null;

function duplicateOf(error: unknown): AppError | null {
  if (!isUniqueViolation(error)) return null;
  const constraint = (error as { constraint?: string }).constraint ?? '';
  if (constraint.includes('member_no')) return new AppError('duplicate', 'This member number is already used by another member.', { field: 'memberNo' });
  return new AppError('duplicate', 'This card code already belongs to another member.', { field: 'cardCode' });
}

/**
 * Staff search the ledger freely. A kiosk finds one person: by a scanned or typed card (`code`), or by what that
 * person types (device-search.ts: a name, a name with the last four digits, the whole number), a short list,
 * masked, within its look-up limits (lookup-limits.ts). Without `limits` (tests of the service alone) a
 * kiosk is not limited.
 */
export async function listMembers(
  db: Kysely<DB>,
  principal: Principal | null,
  input: ListMembersInput,
  limits?: KioskLookupLimits,
): Promise<{ members: MemberDto[]; total?: number }> {
  const p = requirePrincipal(principal);
  if (p.kind === 'device') return listForDevice(db, p, input, limits);
  // A scanned or typed card: its holder only, never a list of near matches.
  if (input.code !== undefined) {
    const row = await q.findByCardCode(db, input.code);
    const members = row ? [toMember(row)] : [];
    return { members, total: members.length };
  }
  const [rows, total] = await Promise.all([q.searchMembers(db, input.q, input.limit ?? 50, input.offset ?? 0), q.countMembers(db, input.q)]);
  return { members: rows.map(toMember), total };
}

/** A kiosk's look-up: no totals, no paging, at most DEVICE_SEARCH_HITS, and nothing before something was typed. */
async function listForDevice(
  db: Kysely<DB>,
  p: Extract<Principal, { kind: 'device' }>,
  input: ListMembersInput,
  limits: KioskLookupLimits | undefined,
): Promise<{ members: MemberDto[] }> {
  const lookUp = input.code !== undefined || !!input.q?.trim();
  if (!lookUp) return { members: [] };
  await limits?.lookUp(p.deviceId);
  const guess = <T>(run: () => Promise<T>, found: (result: T) => boolean) => (limits ? limits.guess(p.deviceId, run, found) : run());
  // A scanned or typed card: its holder only, never a list of near matches (the kiosk greets by that name).
  if (input.code !== undefined) {
    const code = input.code;
    const row = await guess(() => q.findByCardCode(db, code), (r) => r !== undefined);
    return { members: row ? [forViewer(toMember(row), p)] : [] };
  }
  const query = parseDeviceQuery(input.q ?? '');
  if (query.kind === 'nothing') return { members: [] };
  const hits = Math.min(input.limit ?? DEVICE_SEARCH_HITS, DEVICE_SEARCH_HITS);
  const run = () => q.searchMembersForDevice(db, query, hits);
  const rows = isGuessable(query) ? await guess(run, (r) => r.length > 0) : await run();
  return { members: rows.map((row) => forViewer(toMember(row), p)) };
}

export async function getMember(db: Kysely<DB>, principal: Principal | null, memberId: string): Promise<MemberDto> {
  const p = requirePrincipal(principal);
  const row = await q.findMember(db, memberId);
  if (!row) throw notFound('The member');
  return forViewer(toMember(row), p);
}

export async function createMember(db: Kysely<DB>, principal: Principal | null, input: CreateMemberInput): Promise<MemberDto> {
  const user = requireUser(principal);
  try {
    return await write(db, async ({ trx, audit }) => {
      const [row] = await q.insertMembers(trx, [
        {
          name: input.name.trim(),
          memberNo: clean(input.memberNo),
          gender: input.gender ?? null,
          birthMonth: input.birthMonth ?? null,
          formerUnit: clean(input.formerUnit),
          formerPosition: clean(input.formerPosition),
          category: input.category ?? 'other',
          phone: cleanPhone(input.phone),
          cardCode: cleanCode(input.cardCode),
          notes: clean(input.notes),
        },
      ]);
      await audit(user, memberCreated(toMember(row!)));
      return toMember(row!);
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
}

export async function updateMember(db: Kysely<DB>, principal: Principal | null, memberId: string, input: UpdateMemberInput): Promise<MemberDto> {
  const user = requireUser(principal);
  const patch: Partial<q.MemberValues> = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.memberNo !== undefined) patch.memberNo = clean(input.memberNo);
  if (input.cardCode !== undefined) patch.cardCode = cleanCode(input.cardCode);
  if (input.phone !== undefined) patch.phone = cleanPhone(input.phone);
  if (input.category !== undefined) patch.category = input.category;
  if (input.gender !== undefined) patch.gender = input.gender;
  if (input.birthMonth !== undefined) patch.birthMonth = input.birthMonth;
  if (input.formerUnit !== undefined) patch.formerUnit = clean(input.formerUnit);
  if (input.formerPosition !== undefined) patch.formerPosition = clean(input.formerPosition);
  if (input.notes !== undefined) patch.notes = clean(input.notes);
  try {
    return await write(db, async ({ trx, audit }) => {
      const before = await q.lockMember(trx, memberId);
      const row = before && (await q.updateMember(trx, memberId, patch));
      if (!before || !row) throw notFound('The member');
      await audit(user, memberUpdated(toMember(before), toMember(row)));
      return toMember(row);
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
}

/**
 * Removes a member (admin only): one UPDATE anonymises the row and sets `removed_at`; in the same transaction every
 * copy of their name elsewhere (tournament entries and their past live events, draw-by-lot entries: erasure.ts) gets
 * the placeholder too, the audit log forgets the person's earlier values, and the removal is recorded (by id only).
 * Their visits stay (they still count in reports, under the placeholder name and their category), and so do the
 * results of the tournaments they played, under the placeholder. The member is then gone from search, lookups and
 * check-in (the card code is cleared). A second removal, or an unknown id, is 404 not_found. Each tournament whose
 * entries changed is told (`participant.updated`), so open screens drop the name at once.
 */
export async function removeMember(db: Kysely<DB>, principal: Principal | null, memberId: string): Promise<void> {
  const admin = requireUser(principal);
  await write(db, async (w) => {
    // Locked first: the name to erase is the one the row holds as it is anonymised.
    const before = await q.lockMember(w.trx, memberId);
    const row = before && (await q.anonymiseMember(w.trx, memberId));
    if (!before || !row) throw notFound('The member');
    // Before the log is erased: the erasure also looks for the names the log recorded (an earlier name).
    await eraseMemberCopies(w, memberId, [before.name]);
    // The log forgets the person too (their earlier entries keep only which fields changed, and when).
    await eraseMemberFromLog(w.trx, memberId);
    await w.audit(admin, memberRemoved(memberId));
  });
}
