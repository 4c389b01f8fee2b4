/**
 * The terms a member can look at: those of every centre (members are one city-wide ledger and may enrol
 * anywhere), the centre of the link they came by first. Each centre's terms are asked on their own, so one
 * that fails does not hide the others.
 */
import { ApiError } from '../lib/api.ts';
import type { Venue } from '../lib/types.ts';
import type { TermDto } from '../../server/modules/enrolment/schemas.ts';
import { memberApi } from './member-api.ts';
import { visibleTerms } from './term-view.ts';
import { venuesToList } from './venues.ts';

export interface ListedTerm {
  term: TermDto;
  venue: Venue;
}

export class TermListState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  terms = $state.raw<ListedTerm[]>([]);
  /** No centre to list: the server lists none to members and the page was not opened by a centre's link. */
  noVenue = $state(false);
  error = $state<unknown>(null);

  readonly #preferred: string | null;
  readonly #onSignedOut: () => void;

  constructor(preferredVenue: string | null, onSignedOut: () => void) {
    this.#preferred = preferredVenue;
    this.#onSignedOut = onSignedOut;
  }

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      const venues = await venuesToList(this.#preferred);
      this.noVenue = venues.length === 0;
      const answers = await Promise.allSettled(venues.map((venue) => memberApi.terms(venue.id).then((a) => a.terms.map((term) => ({ term, venue })))));
      const failed = answers.find((a) => a.status === 'rejected');
      if (failed && answers.every((a) => a.status === 'rejected')) throw failed.reason;
      const all = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
      const order = visibleTerms(all.map((l) => l.term), new Date()).map((t) => t.id);
      const byId = new Map(all.map((l) => [l.term.id, l]));
      const listed = order.map((id) => byId.get(id)!);
      // The centre of the link first, keeping the order within it and within the rest.
      this.terms = [...listed.filter((l) => l.venue.id === this.#preferred), ...listed.filter((l) => l.venue.id !== this.#preferred)];
      this.error = failed ? failed.reason : null;
      this.status = 'ready';
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 401) {
        this.#onSignedOut();
        return;
      }
      this.error = error;
      this.status = 'error';
    }
  }
}
