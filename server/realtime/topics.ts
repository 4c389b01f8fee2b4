/**
 * Who may subscribe to which topic. Each domain registers the topic kinds it owns (`venue`, later
 * `tournament`); a kind nobody registered answers not_found.
 */
import type { Principal } from '../modules/auth/principal.ts';

export type TopicAccess = 'ok' | 'forbidden' | 'not_found';
export type TopicAuthorizer = (principal: Principal, id: string) => Promise<TopicAccess>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TopicRegistry {
  private kinds = new Map<string, TopicAuthorizer>();

  register(kind: string, authorizer: TopicAuthorizer): void {
    this.kinds.set(kind, authorizer);
  }

  async authorize(principal: Principal, topic: string): Promise<TopicAccess> {
    const separator = topic.indexOf(':');
    const kind = topic.slice(0, separator);
    const id = topic.slice(separator + 1);
    const authorizer = this.kinds.get(kind);
    if (separator < 0 || !authorizer || !UUID.test(id)) return 'not_found';
    return authorizer(principal, id);
  }
}
