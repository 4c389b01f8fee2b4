/**
 * Deciding, line by line, what a ledger import does with each good line: create a member, update the member it
 * already is (matched by member number, card code, or name + phone), leave that member unchanged, or refuse it
 * with a reason. Pure: the members the lines may be are read first (import/queries.ts), under the import lock.
 */
import type { MemberField } from '../../../shared/member-columns.ts';
import type { MemberInput, RowError } from './rows.ts';
import type { ExistingMember } from './queries.ts';

export interface GoodLine {
  line: number;
  member: MemberInput;
  /** Fields whose cell was filled in: only those may change an existing member. */
  given: readonly MemberField[];
}

export type Decision =
  | { kind: 'create'; line: number; member: MemberInput }
  | { kind: 'update'; line: number; before: ExistingMember; patch: Partial<MemberInput>; fields: MemberField[] }
  | { kind: 'unchanged'; line: number; member: ExistingMember }
  | { kind: 'refuse'; line: number; errors: RowError[] };

/** The fields a line may change on a member it matched (never the name: that is how it was recognised). */
const UPDATABLE: readonly MemberField[] = ['gender', 'birthMonth', 'formerUnit', 'formerPosition', 'category', 'phone', 'cardCode', 'memberNo', 'notes'];

const personKey = (name: string, phone: string) => `${name}\u0000${phone}`;

/** The keys to look existing members up by. */
export function lookupKeys(lines: readonly GoodLine[]) {
  const withPhone = lines.filter((l) => l.member.phone !== null);
  return {
    memberNos: lines.flatMap((l) => (l.member.memberNo ? [l.member.memberNo] : [])),
    cardCodes: lines.flatMap((l) => (l.member.cardCode ? [l.member.cardCode] : [])),
    names: withPhone.map((l) => l.member.name),
    phones: withPhone.map((l) => l.member.phone!),
  };
}

export function decideLines(lines: readonly GoodLine[], existing: readonly ExistingMember[]): Decision[] {
  const byNo = new Map(existing.flatMap((m) => (m.memberNo ? [[m.memberNo, m] as const] : [])));
  const byCard = new Map(existing.flatMap((m) => (m.cardCode ? [[m.cardCode, m] as const] : [])));
  const byPerson = new Map<string, ExistingMember[]>();
  for (const m of existing) {
    if (m.phone === null) continue;
    const key = personKey(m.name, m.phone);
    byPerson.set(key, [...(byPerson.get(key) ?? []), m]);
  }
  /** Member id, member number, or new person → the line that took it. */
  const takenMembers = new Map<string, number>();
  const takenNos = new Map<string, number>();
  const newPeople = new Map<string, number>();

  return lines.map((row): Decision => {
    const { line, member } = row;
    const errors: RowError[] = [];
    const ownerOfNo = member.memberNo ? byNo.get(member.memberNo) : undefined;
    const ownerOfCard = member.cardCode ? byCard.get(member.cardCode) : undefined;
    // A number or card that is someone else's (another name) is a mistake in the file, not a re-import.
    if (ownerOfNo && ownerOfNo.name !== member.name) {
      errors.push({ field: 'memberNo', message: `Member number ${member.memberNo} already belongs to ${ownerOfNo.name}.`, messageZh: `会员编号 ${member.memberNo} 已属于 ${ownerOfNo.name}。` });
    }
    if (ownerOfCard && ownerOfCard.name !== member.name) {
      errors.push({ field: 'cardCode', message: `Card code ${member.cardCode} already belongs to ${ownerOfCard.name}.`, messageZh: `会员卡号 ${member.cardCode} 已属于 ${ownerOfCard.name}。` });
    }
    if (errors.length === 0 && ownerOfNo && ownerOfCard && ownerOfNo.id !== ownerOfCard.id) {
      errors.push({
        field: 'cardCode',
        message: `Member number ${member.memberNo} and card code ${member.cardCode} belong to two different members named ${member.name}.`,
        messageZh: `会员编号 ${member.memberNo} 与会员卡号 ${member.cardCode} 分别属于两位名叫 ${member.name} 的会员。`,
      });
    }
    if (errors.length > 0) return { kind: 'refuse', line, errors };

    let match = ownerOfNo ?? ownerOfCard;
    if (!match && member.phone !== null) {
      const people = byPerson.get(personKey(member.name, member.phone)) ?? [];
      if (people.length > 1) {
        return {
          kind: 'refuse',
          line,
          errors: [{
            field: 'phone',
            message: `${people.length} members are named ${member.name} with this phone; add the member number or card code to say which.`,
            messageZh: `名册中有 ${people.length} 位会员都叫 ${member.name} 且电话相同；请填上会员编号或卡号以区分。`,
          }],
        };
      }
      match = people[0];
    }

    if (match) {
      const earlier = takenMembers.get(match.id);
      if (earlier !== undefined) {
        return { kind: 'refuse', line, errors: [{ field: 'name', message: `Line ${earlier} is the same member (${match.name}).`, messageZh: `与第 ${earlier} 行是同一位会员（${match.name}）。` }] };
      }
      takenMembers.set(match.id, line);
      const patch: Partial<MemberInput> = {};
      const fields: MemberField[] = [];
      for (const field of UPDATABLE) {
        if (!row.given.includes(field)) continue;
        const value = member[field as keyof MemberInput];
        if (value === match[field as keyof ExistingMember]) continue;
        (patch as Record<string, unknown>)[field] = value;
        fields.push(field);
      }
      const numberClash = claimNumber(patch.memberNo ?? null, line, takenNos, byNo, match.id);
      if (numberClash) return { kind: 'refuse', line, errors: [numberClash] };
      return fields.length === 0 ? { kind: 'unchanged', line, member: match } : { kind: 'update', line, before: match, patch, fields };
    }

    if (member.phone !== null) {
      const key = personKey(member.name, member.phone);
      const earlier = newPeople.get(key);
      if (earlier !== undefined) {
        return { kind: 'refuse', line, errors: [{ field: 'name', message: `Line ${earlier} is the same person (same name and phone).`, messageZh: `与第 ${earlier} 行是同一个人（姓名和电话相同）。` }] };
      }
      newPeople.set(key, line);
    }
    const numberClash = claimNumber(member.memberNo, line, takenNos, byNo, null);
    if (numberClash) return { kind: 'refuse', line, errors: [numberClash] };
    return { kind: 'create', line, member };
  });
}

/** A member number may appear on one line of the file only. */
function claimNumber(no: string | null, line: number, taken: Map<string, number>, byNo: ReadonlyMap<string, ExistingMember>, self: string | null): RowError | null {
  if (!no) return null;
  const owner = byNo.get(no);
  if (owner && owner.id !== self) {
    return { field: 'memberNo', message: `Member number ${no} already belongs to ${owner.name}.`, messageZh: `会员编号 ${no} 已属于 ${owner.name}。` };
  }
  const earlier = taken.get(no);
  if (earlier !== undefined) {
    return { field: 'memberNo', message: `Member number ${no} is also on line ${earlier}; each member needs their own number.`, messageZh: `会员编号 ${no} 与第 ${earlier} 行重复；每位会员的编号必须不同。` };
  }
  taken.set(no, line);
  return null;
}
