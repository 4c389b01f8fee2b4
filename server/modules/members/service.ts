/**
 * Members of the city's centres (not of one venue: a member may visit any centre). Staff manage them; a
 * kiosk may look members up to check them in, and sees them as privacy.ts allows.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../errors.ts';
import { memberCreated, memberRemoved, memberUpdated } from '../audit/entries.ts';
import { eraseMemberFromLog, recordAudit } from '../audit/record.ts';
import { requireAdmin, requirePrincipal, requireUser, type Principal } from '../auth/principal.ts';
import { DEVICE_SEARCH_HITS, forViewer } from './privacy.ts';
import * as q from './queries.ts';
import type { CreateMemberInput, ListMembersInput, MemberDto, UpdateMemberInput } from './schemas.ts';

const STAFF = ['admin', 'coordinator'] as const;

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

/** Who may look members up: staff, and kiosks (to check members in). Displays may not. */
function requireReader(principal: Principal | null): Principal {
  const p = requirePrincipal(principal);
  if (p.kind === 'device' && p.deviceKind !== 'kiosk') throw new AppError('forbidden', 'A display may not look up members.');
  if (p.kind === 'user') requireUser(p, STAFF);
  return p;
}

export async function listMembers(
  db: Kysely<DB>,
  principal: Principal | null,
  input: ListMembersInput,
): Promise<{ members: MemberDto[]; total?: number }> {
  const p = requireReader(principal);
  // A scanned or typed card: its holder only, never a list of near matches (the kiosk greets by that name).
  if (input.code !== undefined) {
    const row = await q.findByCardCode(db, input.code);
    const members = row ? [forViewer(toMember(row), p)] : [];
    return p.kind === 'device' ? { members } : { members, total: members.length };
  }
  // A kiosk shows a short list to pick from, and only after something was typed; it is not told totals.
  if (p.kind === 'device') {
    if (!input.q?.trim()) return { members: [] };
    const rows = await q.searchMembers(db, input.q, Math.min(input.limit ?? DEVICE_SEARCH_HITS, DEVICE_SEARCH_HITS), 0);
    return { members: rows.map((row) => forViewer(toMember(row), p)) };
  }
  const [rows, total] = await Promise.all([q.searchMembers(db, input.q, input.limit ?? 50, input.offset ?? 0), q.countMembers(db, input.q)]);
  return { members: rows.map(toMember), total };
}

export async function getMember(db: Kysely<DB>, principal: Principal | null, memberId: string): Promise<MemberDto> {
  const p = requireReader(principal);
  const row = await q.findMember(db, memberId);
  if (!row) throw notFound('The member');
  return forViewer(toMember(row), p);
}

export async function createMember(db: Kysely<DB>, principal: Principal | null, input: CreateMemberInput): Promise<MemberDto> {
  const user = requireUser(principal, STAFF);
  try {
    return await db.transaction().execute(async (trx) => {
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
      await recordAudit(trx, user, memberCreated(toMember(row!)));
      return toMember(row!);
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
}

export async function updateMember(db: Kysely<DB>, principal: Principal | null, memberId: string, input: UpdateMemberInput): Promise<MemberDto> {
  const user = requireUser(principal, STAFF);
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
    return await db.transaction().execute(async (trx) => {
      const before = await q.lockMember(trx, memberId);
      const row = before && (await q.updateMember(trx, memberId, patch));
      if (!before || !row) throw notFound('The member');
      await recordAudit(trx, user, memberUpdated(toMember(before), toMember(row)));
      return toMember(row);
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
}

/**
 * Removes a member (admin only): one UPDATE anonymises the row and sets `removed_at`; in the same transaction the
 * audit log forgets the person's earlier values and records the removal (by id only). Their visits stay (they still count in reports, under the placeholder name and their category).
 * The member is then gone from search, lookups and check-in (the card code is cleared). A second removal, or an
 * unknown id, is 404 not_found. No live event: the members module emits none (check-in events sent earlier
 * carried the name; they are not rewritten).
 */
export async function removeMember(db: Kysely<DB>, principal: Principal | null, memberId: string): Promise<void> {
  const admin = requireAdmin(principal);
  await db.transaction().execute(async (trx) => {
    const row = await q.anonymiseMember(trx, memberId);
    if (!row) throw notFound('The member');
    // The log forgets the person too (their earlier entries keep only which fields changed, and when).
    await eraseMemberFromLog(trx, memberId);
    await recordAudit(trx, admin, memberRemoved(memberId));
  });
}
