/**
 * Which pages the tournament screen rotates through, in order:
 * - finished: the final standings (champion, runner-up, third …), then the bracket and the tables;
 * - running: now / next on the courts, then the bracket (once a player is known in it) and the group tables
 *   (in a groups-then-knockout, the tables come first while the groups are being played);
 * - not started: a waiting page.
 * `show` (from the address, `?show=courts,bracket`) keeps only those kinds, for a hall with several screens;
 * when they have nothing to show (a courts screen after the last match), the screen shows the others.
 * While a match is in play the screen does not rotate away from it (`rotation`): people in the hall are
 * watching that score.
 */
import { bracketHasPlayers, bracketPages, type BracketPage } from './bracket-layout.ts';
import { courtPages, type CourtsPage, hasLiveMatch } from './court-board.ts';
import { groupPages, type TablesPage } from './group-tables.ts';
import type { TournamentData } from './tournament-types.ts';

export interface PodiumPlace {
  place: number;
  participantIds: string[];
  /** The place was decided by lot (a round robin's table says so). */
  byLot?: boolean;
  /** Players level on every rule whose draw is not recorded yet: they share the place, nobody is guessed. */
  awaitingLot?: boolean;
}

export interface PodiumPage {
  kind: 'podium';
  places: PodiumPlace[];
}

export interface WaitingPage {
  kind: 'waiting';
}

export type DisplayPage = CourtsPage | BracketPage | TablesPage | PodiumPage | WaitingPage;
export type PageKind = 'courts' | 'bracket' | 'groups' | 'podium';
export const PAGE_KINDS: readonly PageKind[] = ['courts', 'bracket', 'groups', 'podium'];

/** Places to show on the final page, best first (at most `limit` places). */
export function podiumPlaces(data: TournamentData, limit = 8): PodiumPlace[] {
  const byPlace = new Map<number, PodiumPlace>();
  const add = (place: number, participantId: string, byLot: boolean, awaitingLot = false) => {
    const found = byPlace.get(place) ?? { place, participantIds: [] };
    found.participantIds.push(participantId);
    if (byLot) found.byLot = true;
    if (awaitingLot) found.awaitingLot = true;
    byPlace.set(place, found);
  };
  if (data.placings.length > 0) {
    for (const p of data.placings) add(p.place, p.participantId, false);
  } else if (data.tournament.format === 'round_robin' && data.standings.length === 1) {
    const rows = data.standings[0]!.rows;
    for (const r of rows) {
      // A lot not drawn yet: the tied players share their best place (the order shown is no result).
      const waiting = r.byLot === true && r.lotDrawn !== true;
      const tied = waiting ? rows.filter((o) => o.participantId === r.participantId || (r.tiedWith ?? []).includes(o.participantId)) : [r];
      add(Math.min(...tied.map((o) => o.rank)), r.participantId, r.byLot === true, waiting);
    }
  }
  return [...byPlace.values()].sort((a, b) => a.place - b.place).filter((p) => p.place <= limit);
}

export function displayPages(data: TournamentData, show: readonly PageKind[] = []): DisplayPage[] {
  const wanted = (kind: PageKind) => show.length === 0 || show.includes(kind);
  const { tournament, matches } = data;
  if (tournament.status === 'draft' || matches.length === 0) return [{ kind: 'waiting' }];
  const sport = tournament.sport;
  const groups = wanted('groups') ? groupPages(data.standings, sport) : [];
  const brackets = wanted('bracket') && bracketHasPlayers(matches) ? bracketPages(matches) : [];
  const pages: DisplayPage[] = [];
  if (tournament.status === 'finished') {
    const places = wanted('podium') ? podiumPlaces(data) : [];
    if (places.length > 0) pages.push({ kind: 'podium', places });
    pages.push(...brackets, ...groups);
  } else {
    if (wanted('courts')) pages.push(...courtPages(data));
    const groupsUnderway = matches.some((m) => m.stage === 'group' && m.status !== 'done' && m.status !== 'bye');
    pages.push(...(groupsUnderway ? [...groups, ...brackets] : [...brackets, ...groups]));
  }
  if (pages.length > 0) return pages;
  // The screen's pages have nothing to show (a courts-only screen once play is over): show the rest.
  return show.length > 0 ? displayPages(data) : [{ kind: 'waiting' }];
}

/**
 * The pages the screen turns through now: while a match is in play, only the courts pages with a match in play
 * (so one such page stays on screen); otherwise all of them. A hall that also wants the bracket during play
 * gives it a screen of its own (`?show=bracket`).
 */
export function rotation(pages: readonly DisplayPage[]): DisplayPage[] {
  const live = pages.filter((p) => p.kind === 'courts' && hasLiveMatch(p));
  return live.length > 0 ? live : [...pages];
}
