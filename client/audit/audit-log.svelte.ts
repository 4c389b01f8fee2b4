/** The audit page's state: the filters, the entries loaded so far (newest first), and the next page's cursor. */
import { api, seg } from '../lib/api.ts';
import { loadAuditPage } from './audit-api.ts';
import type { AuditEntry, AuditFilters } from './types.ts';

export const emptyFilters = (): AuditFilters => ({ from: '', to: '', venueId: '', entity: '' });

export class AuditLog {
  filters = $state<AuditFilters>(emptyFilters());
  entries = $state<AuditEntry[]>([]);
  next = $state<string | null>(null);
  loading = $state(false);
  loaded = $state(false);
  error = $state<unknown>(null);
  /** Room names by id, fetched per venue as entries name rooms. */
  rooms = $state<Record<string, string>>({});
  #roomsAsked = new Set<string>();
  #controller: AbortController | null = null;

  /** Loads the first page of the current filters (what was shown goes). */
  async reload(): Promise<void> {
    this.entries = [];
    this.next = null;
    this.loaded = false;
    await this.#load(null);
  }

  async loadMore(): Promise<void> {
    if (this.next && !this.loading) await this.#load(this.next);
  }

  async #load(before: string | null): Promise<void> {
    this.#controller?.abort();
    const mine = new AbortController();
    this.#controller = mine;
    this.loading = true;
    try {
      const page = await loadAuditPage($state.snapshot(this.filters), before, mine.signal);
      if (this.#controller !== mine) return;
      this.entries = before ? [...this.entries, ...page.entries] : page.entries;
      this.next = page.next;
      this.loaded = true;
      this.error = null;
      this.#askRooms(page.entries);
    } catch (caught) {
      if (this.#controller !== mine || (caught instanceof DOMException && caught.name === 'AbortError')) return;
      this.error = caught;
    } finally {
      if (this.#controller === mine) this.loading = false;
    }
  }

  #askRooms(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      if (!entry.venueId || !('roomId' in entry.changes) || this.#roomsAsked.has(entry.venueId)) continue;
      const venueId = entry.venueId;
      this.#roomsAsked.add(venueId);
      api
        .get<{ rooms: Array<{ id: string; name: string }> }>(`/api/venues/${seg(venueId)}/rooms`)
        .then((answer) => {
          this.rooms = { ...this.rooms, ...Object.fromEntries(answer.rooms.map((r) => [r.id, r.name])) };
        })
        .catch(() => this.#roomsAsked.delete(venueId));
    }
  }

  stop(): void {
    this.#controller?.abort();
  }
}
