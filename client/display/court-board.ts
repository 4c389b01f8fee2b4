/**
 * "Now on court 3 / next": per court or table of the tournament, the match in play there and the next one
 * (the order of play is `scheduledAt`), and how the cards share the screen. A tournament without courts shows
 * its matches in play and the next ones in order instead. Courts with nothing left to play (all their matches
 * done, or none ever scheduled there) get no card: one line at the foot of the page names them, so the
 * matches in play and the next ones have the screen.
 */
import { balancedPages } from './group-tables.ts';
import type { MatchInfo, Sport, TournamentData } from './tournament-types.ts';

export interface CourtCard {
  /** The court or table; `null` when the tournament has none (the card names the match instead). */
  roomId: string | null;
  now: MatchInfo | null;
  next: MatchInfo | null;
  /** The match finished last here (by the order of play), shown while nothing is in play: the news of the hall. */
  last?: MatchInfo | null;
}

export interface CourtsLayout {
  columns: number;
  rows: number;
  perPage: number;
  /** Type size of a card relative to the root. */
  scale: number;
}

/** A court with nothing left to play: `done` when its matches are all finished, `none` when it had none. */
export interface IdleCourt {
  roomId: string;
  state: 'done' | 'none';
}

export interface CourtsPage {
  kind: 'courts';
  cards: CourtCard[];
  /** Shown on every courts page, in one line. */
  idle: IdleCourt[];
  layout: CourtsLayout;
}

const STAGE_ORDER: Record<string, number> = { group: 0, round_robin: 0, knockout: 1, winners: 1, losers: 2, grand_final: 3 };

const time = (m: MatchInfo) => (m.scheduledAt ? Date.parse(m.scheduledAt) : Number.POSITIVE_INFINITY);

/** The order of play: scheduled time, then stage, round, group and number. */
export function playOrder(a: MatchInfo, b: MatchInfo): number {
  return (
    time(a) - time(b) ||
    (STAGE_ORDER[a.stage] ?? 9) - (STAGE_ORDER[b.stage] ?? 9) ||
    a.round - b.round ||
    (a.group ?? '').localeCompare(b.group ?? '') ||
    a.number - b.number
  );
}

const upcoming = (m: MatchInfo) => m.status === 'ready' || m.status === 'waiting';

export function courtCards(data: TournamentData, maxWithoutCourts = 8): CourtCard[] {
  const ordered = data.matches.slice().sort(playOrder);
  const roomIds = [...data.tournament.roomIds];
  for (const m of ordered) if (m.roomId && !roomIds.includes(m.roomId) && (m.status === 'live' || upcoming(m))) roomIds.push(m.roomId);
  if (roomIds.length > 0) {
    return roomIds.map((roomId) => {
      const here = ordered.filter((m) => m.roomId === roomId);
      const last = here.filter((m) => m.status === 'done').at(-1) ?? null;
      return { roomId, now: here.find((m) => m.status === 'live') ?? null, next: here.find(upcoming) ?? null, last };
    });
  }
  const live = ordered.filter((m) => m.status === 'live').map((m) => ({ roomId: null, now: m, next: null }));
  const next = ordered
    .filter((m) => m.status === 'ready')
    .slice(0, Math.max(0, maxWithoutCourts - live.length))
    .map((m) => ({ roomId: null, now: null, next: m }));
  return [...live, ...next];
}

const TIERS: Record<Sport, Array<{ upTo: number; columns: number; rows: number; scale: number }>> = {
  table_tennis: [
    { upTo: 1, columns: 1, rows: 1, scale: 1.7 },
    { upTo: 2, columns: 1, rows: 2, scale: 1.5 },
    { upTo: 4, columns: 2, rows: 2, scale: 1.2 },
    { upTo: 6, columns: 2, rows: 3, scale: 1.05 },
    { upTo: 8, columns: 2, rows: 4, scale: 0.92 },
  ],
  gateball: [
    { upTo: 1, columns: 1, rows: 1, scale: 1.5 },
    { upTo: 2, columns: 1, rows: 2, scale: 1.1 },
    { upTo: 4, columns: 2, rows: 2, scale: 0.95 },
    { upTo: 6, columns: 3, rows: 2, scale: 0.7 },
  ],
};

export function courtsLayout(count: number, sport: Sport): CourtsLayout {
  const tiers = TIERS[sport];
  const tier = tiers.find((t) => count <= t.upTo) ?? tiers.at(-1)!;
  return { columns: tier.columns, rows: tier.rows, perPage: tier.columns * tier.rows, scale: tier.scale };
}

/** The courts in pages (balanced: 10 tables in pages of 8 → 5 + 5, each page as large as its cards allow). */
export function courtPages(data: TournamentData): CourtsPage[] {
  const all = courtCards(data);
  const cards = all.filter((c) => c.now || c.next);
  if (cards.length === 0) return [];
  const idle = all
    .filter((c) => !c.now && !c.next && c.roomId !== null)
    .map((c): IdleCourt => ({ roomId: c.roomId!, state: data.matches.some((m) => m.roomId === c.roomId) ? 'done' : 'none' }));
  const sport = data.tournament.sport;
  const { perPage } = courtsLayout(cards.length, sport);
  return balancedPages(cards, perPage).map((page) => ({ kind: 'courts' as const, cards: page, idle, layout: courtsLayout(page.length, sport) }));
}

/** True when a match is in play on the page: the screen stays on it (tournament-pages.ts `rotation`). */
export const hasLiveMatch = (page: CourtsPage): boolean => page.cards.some((c) => c.now !== null);
