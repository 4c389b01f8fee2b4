import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { DB, MemberCategory } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { DeviceQuery } from './device-search.ts';
import { namePinyin, pinyinQuery } from './pinyin.ts';
import { REMOVED_MEMBER_NAME } from '../../shared/member-privacy.ts';

const memberColumns = [
  'id',
  'memberNo',
  'name',
  'gender',
  'birthMonth',
  'formerUnit',
  'formerPosition',
  'category',
  'phone',
  'cardCode',
  'notes',
] as const;

export interface MemberValues {
  name: string;
  memberNo: string | null;
  gender: 'male' | 'female' | null;
  birthMonth: string | null;
  formerUnit: string | null;
  formerPosition: string | null;
  category: MemberCategory;
  phone: string | null;
  cardCode: string | null;
  notes: string | null;
}

/** Escapes LIKE wildcards so that a search for "50%" means those characters. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A name as typed: anywhere in the name, or the start of a reading of its pinyin or initials (pinyin.ts). */
function nameMatches(eb: ExpressionBuilder<DB, 'members'>, text: string) {
  const letters = pinyinQuery(text);
  // Each column holds readings separated by spaces: a leading space makes "start of any reading" one LIKE.
  const reading = letters ? `% ${likeEscape(letters)}%` : null;
  return eb.or([
    eb('name', 'like', `%${likeEscape(text)}%`),
    ...(reading ? [eb(sql`' ' || name_pinyin`, 'like', reading), eb(sql`' ' || name_initials`, 'like', reading)] : []),
  ]);
}

/**
 * Staff search: by name (anywhere in it), by its pinyin or initials (2+ letters, at the start of a reading: "zjg",
 * "zhang", "zhangjianguo" find 张建国; pinyin.ts), member number or card code (exact, any case), or phone (a
 * run of 4+ digits anywhere in it: people remember the last four). Current members only.
 */
function matching(db: Executor, q: string | undefined) {
  let query = db.selectFrom('members').where('removedAt', 'is', null);
  const text = q?.trim();
  if (text) {
    const digits = text.replace(/[\s-]/g, '');
    query = query.where((eb) =>
      eb.or([
        nameMatches(eb, text),
        eb(sql`upper(member_no)`, '=', text.toUpperCase()),
        eb(sql`upper(card_code)`, '=', text.toUpperCase()),
        ...(/^\d{4,}$/.test(digits) ? [eb('phone', 'like', `%${likeEscape(digits)}%`)] : []),
      ]),
    );
  }
  return query;
}

/** The phone's digits, whatever punctuation it was stored with. */
const phoneDigits = sql<string>`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`;
/**
 * Phones whose mask shows their last four digits (server/shared/member-privacy.ts maskPhone: an 11-digit mobile, a
 * landline with its area code). A shorter number is masked to its last two, so its last four may not be asked about.
 */
const lastFourShown = sql<boolean>`(phone ~ '^[0-9]{11}$' or phone ~ '^(0[0-9]{3}|0[12][0-9])-?[0-9]{3,4}[0-9]{4}$')`;

/**
 * A kiosk's search (device-search.ts): a name; a name and the last four digits of the phone; or the whole
 * number, exactly. Never a fragment of a phone, a member number or a card code. Current members only.
 */
function deviceMatching(db: Executor, query: DeviceQuery) {
  const members = db.selectFrom('members').where('removedAt', 'is', null);
  switch (query.kind) {
    case 'name':
      return members.where((eb) => nameMatches(eb, query.name));
    case 'nameAndLastFour':
      return members
        .where((eb) => nameMatches(eb, query.name))
        .where(lastFourShown)
        .where(sql`right(phone, 4)`, '=', query.lastFour);
    case 'phone': {
      // Stored as digits (import and form); an older row may keep +86 or dashes.
      const exact = members.where((eb) => eb.or([eb(phoneDigits, '=', query.digits), eb(phoneDigits, '=', `86${query.digits}`)]));
      return query.name === undefined ? exact : exact.where((eb) => nameMatches(eb, query.name!));
    }
    case 'nothing':
      return members.where(sql<boolean>`false`);
  }
}

/** The current member holding this card (exact, any case): what a kiosk needs to greet a scanned card. */
export function findByCardCode(db: Executor, cardCode: string) {
  return db
    .selectFrom('members')
    .select([...memberColumns])
    .where(sql`upper(card_code)`, '=', cardCode.trim().toUpperCase())
    .where('removedAt', 'is', null)
    .executeTakeFirst();
}

export function countMembers(db: Executor, q: string | undefined): Promise<number> {
  return matching(db, q)
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function searchMembers(db: Executor, q: string | undefined, limit: number, offset: number) {
  return ordered(matching(db, q), q?.trim() ?? '').limit(limit).offset(offset).execute();
}

/** What a kiosk may find (deviceMatching), the best first, at most `limit`. */
export function searchMembersForDevice(db: Executor, query: DeviceQuery, limit: number) {
  const name = query.kind === 'name' || query.kind === 'nameAndLastFour' ? query.name : query.kind === 'phone' ? (query.name ?? '') : '';
  return ordered(deviceMatching(db, query), name).limit(limit).execute();
}

function ordered(query: ReturnType<typeof matching>, text: string) {
  const letters = pinyinQuery(text) ?? '';
  return query
    .select([...memberColumns])
    .orderBy(sql`case when ${text} <> '' and name = ${text} then 0 else 1 end`)
    // "zjg" in full: members whose initials are exactly that come before longer names that start with them.
    .orderBy(sql`case when ${letters} <> '' and ' ' || name_initials || ' ' like ${`% ${likeEscape(letters)} %`} then 0 else 1 end`)
    // Then in the order of their readings, as a Chinese list is read (汪, 王 together), not by code point,
    // which put 万国强 first for "wang" in the field test.
    .orderBy(sql`case when ${letters} <> '' then name_pinyin end`)
    .orderBy('name')
    .orderBy('id');
}

export function findMember(db: Executor, id: string) {
  return db.selectFrom('members').select([...memberColumns]).where('id', '=', id).where('removedAt', 'is', null).executeTakeFirst();
}

/** A current member, locked until the transaction ends (the audit log records the values before a change). */
export function lockMember(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('members').select([...memberColumns]).where('id', '=', id).where('removedAt', 'is', null).forUpdate().executeTakeFirst();
}

/**
 * PostgreSQL takes at most 65,535 parameters in one statement and a member row binds about ten, so a big
 * ledger goes in chunks (inside the caller's transaction: still all or nothing).
 */
const INSERT_CHUNK = 1_000;

export async function insertMembers(db: Executor, members: readonly MemberValues[]) {
  const inserted = [];
  for (let i = 0; i < members.length; i += INSERT_CHUNK) {
    const chunk = members.slice(i, i + INSERT_CHUNK).map((m) => ({ ...m, ...namePinyin(m.name) }));
    inserted.push(...(await db.insertInto('members').values(chunk).returning([...memberColumns]).execute()));
  }
  return inserted;
}

/**
 * Fills the pinyin of current members written without it (a bulk `insert … select` such as the history
 * generator's, which does not go through insertMembers). Returns how many were filled.
 */
export async function fillMissingPinyin(db: Executor): Promise<number> {
  const rows = await db.selectFrom('members').select(['id', 'name']).where('namePinyin', 'is', null).where('removedAt', 'is', null).execute();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ id: r.id, ...namePinyin(r.name) }));
    await sql`
      update members m set name_pinyin = u.readings, name_initials = u.initials
        from unnest(${chunk.map((c) => c.id)}::uuid[], ${chunk.map((c) => c.namePinyin)}::text[], ${chunk.map((c) => c.nameInitials)}::text[])
             as u(id, readings, initials)
       where m.id = u.id`.execute(db);
  }
  return rows.length;
}

export function updateMember(db: Executor, id: string, patch: Partial<MemberValues>) {
  // A new name gets its new pinyin in the same statement, whoever renames (the form, a re-import).
  const pinyin = patch.name !== undefined ? namePinyin(patch.name) : {};
  return db
    .updateTable('members')
    .set({ ...patch, ...pinyin, updatedAt: sql`now()` })
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .returning([...memberColumns])
    .executeTakeFirst();
}

/**
 * Anonymises a current member in place: the row stays (visits reference it and still count in reports), every
 * personal field is cleared and `removed_at` set. Undefined when there is no such current member.
 */
export function anonymiseMember(db: Executor, id: string) {
  return db
    .updateTable('members')
    .set({
      name: REMOVED_MEMBER_NAME,
      memberNo: null,
      gender: null,
      birthMonth: null,
      formerUnit: null,
      formerPosition: null,
      phone: null,
      cardCode: null,
      notes: null,
      namePinyin: null,
      nameInitials: null,
      removedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .where('removedAt', 'is', null)
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Replaces every copy of a removed member's name elsewhere (database function `erase_member_copies`,
 * migration 202612071710; erasure.ts says what it covers): `names` are what the row held before it was
 * anonymised. Returns the ids of the tournament entries whose names changed.
 */
export async function eraseNameCopies(trx: Transaction<DB>, memberId: string, names: readonly string[]): Promise<string[]> {
  const result = await sql<{ changed: string[] | null }>`
    select erase_member_copies(${memberId}::uuid, ${[...names]}::text[], ${REMOVED_MEMBER_NAME})::text[] as changed`.execute(trx);
  return result.rows[0]?.changed ?? [];
}

/**
 * Current (not removed) members among `ids`, by name, share-locked until the caller's transaction ends: a
 * tournament entry copies their names (tournaments/participants.ts), and a removal waiting on the lock then
 * erases the copy (erasure.ts) instead of missing an entry not yet committed.
 */
export function lockCurrentMembers(db: Executor, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('members').select(['id', 'name']).where('id', 'in', [...ids]).where('removedAt', 'is', null).forShare().execute();
}
