/**
 * Who may subscribe to which topic. Each domain registers how to find the venue of a topic kind it owns
 * (`venue`, `tournament`); the decision itself is the authorization matrix's (server/http/access.ts
 * TOPIC_ACCESS): the caller's kind must be allowed and the venue must be one of theirs. A kind nobody
 * registered, or an id naming nothing, answers not_found.
 */
import { TOPIC_ACCESS, type TopicKind } from '../http/access.ts';
import { belongsTo, callerOf, type Principal } from '../modules/auth/principal.ts';

export type TopicAccess = 'ok' | 'forbidden' | 'not_found';
/** The venue a topic's row belongs to, or null when there is no such row. */
export type TopicVenue = (id: string) => Promise<string | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TopicRegistry {
  private kinds = new Map<string, TopicVenue>();

  register(kind: TopicKind, venueOf: TopicVenue): void {
    this.kinds.set(kind, venueOf);
  }

  async authorize(principal: Principal, topic: string): Promise<TopicAccess> {
    const separator = topic.indexOf(':');
    const kind = topic.slice(0, separator);
    const id = topic.slice(separator + 1);
    const venueOf = this.kinds.get(kind);
    if (separator < 0 || !venueOf || !UUID.test(id)) return 'not_found';
    const venueId = await venueOf(id);
    if (venueId === null) return 'not_found';
    const allowed: readonly string[] = TOPIC_ACCESS[kind as TopicKind].allow;
    return allowed.includes(callerOf(principal)) && belongsTo(principal, venueId) ? 'ok' : 'forbidden';
  }
}
