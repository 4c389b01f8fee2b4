/**
 * The bracket engine's data: a draw (`Bracket`, fixed when the tournament starts, plain JSON so it can be stored
 * as rows) and the state derived from it and the stored results (`BracketState`, recomputed, never stored).
 *
 * Conventions that must stay true:
 * - A match's two sides are filled either directly (`participantId`), or by a link to an earlier match
 *   (`from: {kind: 'winner'|'loser', key}`), or by a group place (`from: {kind: 'group_place'}`), or are a bye
 *   (`bye: true`: nobody will ever come). A side that is none of these yet is "not known yet".
 * - Keys are stable and readable: `K2-1` (knockout round 2, match 1), `K3P` (third-place match), `W1-3` / `L2-1`
 *   (double elimination winners' / losers' bracket), `GF1`, `GF2` (grand final and its reset), `R3-2` (round
 *   robin), `G:A-R2-1` (group A, round 2, match 1).
 * - Round and match numbers start at 1; positions in a knockout draw start at 1 at the top.
 */

export type Format = 'single_elimination' | 'double_elimination' | 'round_robin' | 'groups_then_knockout';

export type Stage = 'group' | 'winners' | 'losers' | 'grand_final' | 'knockout' | 'round_robin';

export type SideIndex = 0 | 1;

export interface Participant {
  id: string;
  /** 1 is the best seed. Players without a seed are placed by lot. */
  seed?: number | null;
}

export type SlotSource =
  | { kind: 'winner'; key: string }
  | { kind: 'loser'; key: string }
  | { kind: 'group_place'; group: string; place: number };

export interface Slot {
  /** Known when drawn (or, for a group place, once `resolveGroupPlaces` has filled it in). */
  participantId: string | null;
  /** Where the player comes from when not drawn directly; kept after resolving, for display ("A1", "winner of K1-3"). */
  from?: SlotSource;
  /** Nobody will ever fill this side: the other side advances without playing. */
  bye?: true;
  /** Knockout draw position (1 = top of the draw), on first-round slots only. */
  position?: number;
  /** A group place a lot decides, not yet drawn: nobody is placed here until staff record the draw. */
  awaitingLot?: true;
}

export interface Link {
  key: string;
  side: SideIndex;
}

export interface Match {
  key: string;
  stage: Stage;
  group: string | null;
  round: number;
  number: number;
  sides: [Slot, Slot];
  winnerTo?: Link;
  loserTo?: Link;
  /** Played only when the named match was won by this side (the grand-final reset: GF1 won by the losers' side). */
  onlyIf?: { key: string; winnerSide: SideIndex };
  /** Draws are allowed in round robins and groups only. */
  drawAllowed: boolean;
}

export interface Group {
  name: string;
  /** In seeding order (the group's best seed first). */
  participantIds: string[];
}

/** A player who sits out a round of a round robin with an odd number of players. */
export interface Rest {
  group: string | null;
  round: number;
  participantId: string;
}

export interface Bracket {
  format: Format;
  /** Every participant id, in seeding order. */
  participants: string[];
  /** Every match, in a stable order (stage, round, number). */
  matches: Match[];
  /** Knockout size (a power of two) for knockout formats; 0 for a round robin. */
  size: number;
  groups: Group[];
  rests: Rest[];
}

/** What a referee enters: who won (a side of the match as it stood), a draw, or a walkover. */
export interface ResultInput {
  /** 0 = first side, 1 = second side, `null` = draw (round robin and groups only). */
  winner: SideIndex | null;
  walkover?: boolean;
}

/**
 * A result as stored: with the two participant ids it was entered for, so that a result that no longer fits its
 * match (an earlier correction changed who plays) is detected and flagged instead of being applied.
 */
export interface StoredResult extends ResultInput {
  participants: [string, string];
}

export type MatchStatus = 'waiting' | 'ready' | 'done' | 'bye';

export interface MatchState {
  key: string;
  stage: Stage;
  group: string | null;
  round: number;
  number: number;
  sides: [{ participantId: string | null }, { participantId: string | null }];
  /**
   * `waiting`: a side is not known yet; `ready`: both known, no result; `done`: result applied; `bye`: one side
   * (or both) will never be filled, the other advances without playing. A `bye` with `winnerId === null` is a
   * match nobody plays (two byes, or a grand-final reset that is not needed). `live` is the caller's business.
   */
  status: MatchStatus;
  winnerId: string | null;
  loserId: string | null;
  /** The applied result (`null` when none, or when the stored one is flagged). */
  result: StoredResult | null;
  /** True when the match will never be played (two byes, or a grand-final reset that is not needed). */
  void: boolean;
}

export type FlagReason =
  /** The result names players who are no longer in this match. */
  | 'participants_changed'
  /** The match is waiting for a player again (an earlier result changed or was flagged). */
  | 'match_waiting'
  /** The match is a bye or is not played (for instance the grand-final reset after the winners' side won). */
  | 'match_not_played'
  /** A draw in a knockout match. */
  | 'draw_not_allowed'
  /** No match with that key. */
  | 'unknown_match'
  /** Malformed (winner not 0, 1 or null; participants not two different ids; a walkover that is a draw). */
  | 'invalid_result';

/** A stored result that was not applied and needs a referee. */
export interface Flag {
  key: string;
  reason: FlagReason;
  result: StoredResult;
}

export interface BracketState {
  /** In the bracket's match order. */
  matches: MatchState[];
  byKey: Record<string, MatchState>;
  flags: Flag[];
  /** Every match is done, a bye or void. */
  complete: boolean;
  /** The winner of a knockout format once decided; `null` otherwise (and always for round robins and groups). */
  championId: string | null;
}

export interface Placing {
  participantId: string;
  /** Shared places are equal: two semifinal losers are both 3rd. */
  place: number;
}

/** A draw or an input the engine cannot work with (bad counts, duplicate ids …). */
export class EngineError extends Error {
  constructor(
    readonly code: 'invalid_participants' | 'invalid_options' | 'invalid_places' | 'invalid_bracket' | 'not_ready',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
