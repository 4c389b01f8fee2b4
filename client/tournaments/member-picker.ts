/** What the member search box does with Enter (pure, so it can be tested without a browser). */
import { REMOVED_MEMBER_NAME } from '../../server/shared/member-privacy.ts';
import type { Member } from '../members/types.ts';

/**
 * REMOVED_MEMBER_NAME: the name a removed member's copies get. The entry keeps the old `memberId`, and the API
 * gives no other mark, so the name is how the apps tell a removed member.
 */
export { REMOVED_MEMBER_NAME };

/** A player who is still a member: has a `memberId` and is not a removed member's placeholder. */
export function isCurrentMember(player: { memberId: string | null; name: string }): boolean {
  return !!player.memberId && player.name !== REMOVED_MEMBER_NAME;
}

export type EnterAction = { kind: 'pick'; member: Member } | { kind: 'search' } | { kind: 'nothing' };

/**
 * Enter in the box never submits the form around it (a tester made a tournament with no players that way):
 * with results of what is typed now, it picks the first one not already entered; otherwise it searches now.
 */
export function enterAction(typed: string, searched: string, found: readonly Member[], taken: ReadonlySet<string>): EnterAction {
  const text = typed.trim();
  if (!text) return { kind: 'nothing' };
  if (searched === text) {
    const first = found.find((m) => !taken.has(m.id));
    return first ? { kind: 'pick', member: first } : { kind: 'nothing' };
  }
  return { kind: 'search' };
}
