/**
 * The names of the outbox's topics, in one place. A topic names the thing whose changes it carries:
 * `venue:<id>` (rooms, bookings, check-ins, headcounts), `tournament:<id>` (its matches, standings and
 * participants), `term:<id>` (a term's seat counts) and `system` (security decisions for server processes, never sent to apps). Services,
 * the check-in database function (its topic comes from here as an argument) and the tests build topic names
 * only with these.
 */
export const venueTopic = (venueId: string) => `venue:${venueId}` as const;
export const tournamentTopic = (tournamentId: string) => `tournament:${tournamentId}` as const;
export const termTopic = (termId: string) => `term:${termId}` as const;
export const SYSTEM_TOPIC = 'system';

export type VenueTopic = ReturnType<typeof venueTopic>;
export type TournamentTopic = ReturnType<typeof tournamentTopic>;
export type TermTopic = ReturnType<typeof termTopic>;
export type Topic = VenueTopic | TournamentTopic | TermTopic | typeof SYSTEM_TOPIC;
