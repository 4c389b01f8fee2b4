/**
 * One tournament as a screen shows it: loaded over HTTP, kept current by `tournament:<id>` events (patches in
 * `view-state.ts`), reloaded on resync. Components read `view`; only this class talks to the socket module.
 * The venue's rooms (court and table names) come along, loaded once.
 */
import { t } from '../lib/i18n.svelte.ts';
import type { LiveConnection } from '../lib/live.svelte.ts';
import type { Room } from '../lib/types.ts';
import { browserStore, readRecent, rememberRecent, writeRecent } from './recent.ts';
import { matchNumbers } from './side-origin.ts';
import { knockoutRounds, matchLabel, waitingSideText, type Translate } from './labels.ts';
import { getTournament, listRooms } from './tournaments-api.ts';
import type { Match, Participant, TournamentView } from './types.ts';
import { applyEvent, applyMatch, applyParticipant, removeParticipant } from './view-state.ts';

export class TournamentLive {
  readonly id: string;
  view = $state.raw<TournamentView | null>(null);
  rooms = $state.raw<Room[]>([]);
  error = $state<unknown>(null);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);
  /** When the last change arrived over the socket (for "updated …"). */
  lastChangeAt = $state<Date | null>(null);
  /** Each played match's number in the order of play ("第5场"), by key: waiting sides name matches by it. */
  readonly numbers = $derived(this.view ? matchNumbers(this.view.matches, this.view.tournament.roomIds) : new Map<string, number>());

  /** Rounds of the knockout, to name its last ones (决赛, 半决赛 …). */
  readonly knockoutRounds = $derived(this.view ? knockoutRounds(this.view.matches) : 0);

  readonly #live: LiveConnection | null;
  #roomsFor: string | null = null;

  constructor(live: LiveConnection | null, id: string) {
    this.#live = live;
    this.id = id;
  }

  /** Follows the tournament; returns the function that stops. The first subscribe loads it (resync). */
  connect(): () => void {
    if (!this.#live) {
      void this.load();
      return () => {};
    }
    // The first subscribe's resync loads it; until the socket is up, load over HTTP anyway.
    if (this.#live.state !== 'live') void this.load();
    return this.#live.subscribe(`tournament:${this.id}`, {
      onEvent: (event) => {
        if (!this.view) return;
        const wasDraft = this.view.tournament.status === 'draft';
        this.view = applyEvent(this.view, event.type, event.data);
        this.lastChangeAt = new Date();
        // Started elsewhere: the event has the draw's matches but not where their waiting sides come from.
        if (wasDraft && this.view.tournament.status !== 'draft') void this.load();
      },
      onResync: () => this.load(),
      onRefused: (code) => {
        this.refused = code;
        void this.load();
      },
    });
  }

  async load(): Promise<void> {
    try {
      const view = await getTournament(this.id);
      this.view = view;
      this.error = null;
      this.#remember(view);
      void this.#loadRooms(view.tournament.venueId);
    } catch (error) {
      this.error = error;
    }
  }

  /** A match the server just answered with (our own write): shown at once, before its event arrives. */
  applyMatch(match: Match): void {
    if (this.view) this.view = applyMatch(this.view, match);
  }

  /** An entry the server just answered with (our own change): shown at once, before its event arrives. */
  applyParticipant(participant: Participant): void {
    if (this.view) this.view = applyParticipant(this.view, participant);
  }

  /** An entry we just removed. */
  dropParticipant(id: string): void {
    if (this.view) this.view = removeParticipant(this.view, id);
  }

  participant(id: string | null | undefined): Participant | undefined {
    return id ? this.view?.participants.find((p) => p.id === id) : undefined;
  }

  /** The name on side `side` of a match, else where its player will come from, else "to be decided". */
  sideName(match: Match | undefined, side: 0 | 1): string {
    const p = this.participant(match?.sides[side]?.participantId);
    if (p) return p.name;
    return (match && waitingSideText(match, side, this.numbers)) || t('tourn.side.tbd');
  }

  /** A match's place in words ("A 组第 1 轮第 1 场", "半决赛第 2 场"), never its internal key. */
  label(match: Match, tr: Translate = t): string {
    return matchLabel(match, tr, this.knockoutRounds);
  }

  match(id: string): Match | undefined {
    return this.view?.matches.find((m) => m.id === id);
  }

  /** The court's name, or its number among the tournament's courts when the rooms cannot be read. */
  roomName(id: string | null | undefined): string | null {
    if (!id) return null;
    const room = this.rooms.find((r) => r.id === id);
    if (room) return room.name;
    const index = this.view?.tournament.roomIds.indexOf(id) ?? -1;
    return index >= 0 ? `#${index + 1}` : null;
  }

  async #loadRooms(venueId: string): Promise<void> {
    if (this.#roomsFor === venueId) return;
    this.#roomsFor = venueId;
    try {
      this.rooms = await listRooms(venueId);
    } catch {
      // A city-wide referee may not read the venue's rooms: courts show by number instead.
      this.#roomsFor = null;
    }
  }

  #remember(view: TournamentView): void {
    const store = browserStore();
    const { id, name, venueId, sport } = view.tournament;
    writeRecent(store, rememberRecent(readRecent(store), { id, name, venueId, sport, openedAt: new Date().toISOString() }));
  }
}
