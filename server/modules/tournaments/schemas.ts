/** The tournaments interface (docs/api.md "Tournaments"), plus scheduling and live scores. */
import { Type, type Static } from 'typebox';
import { Id, Instant, Line, OneOf } from '../../http/schemas.ts';

const TournamentName = Line({ minLength: 1, maxLength: 120, notBlank: true });
const EntryName = Line({ minLength: 1, maxLength: 80, notBlank: true });

export const SportSchema = OneOf(['table_tennis', 'gateball'] as const);
export const FormatSchema = OneOf(['single_elimination', 'double_elimination', 'round_robin', 'groups_then_knockout'] as const);

export const TiebreakSchema = Type.Object(
  {
    gateballGame: Type.Optional(OneOf(['agari_gates', 'gates'] as const)),
    gateballStandings: Type.Optional(
      Type.Array(OneOf(['head_to_head', 'score_difference', 'points_for', 'lot'] as const), { maxItems: 4, uniqueItems: true }),
    ),
    /** Lot numbers drawn by the referee where the rules leave players equal (lower places higher). */
    lots: Type.Optional(Type.Record(Type.String({ format: 'uuid' }), Type.Integer({ minimum: 1, maximum: 1000 }), { maxProperties: 256 })),
  },
  { additionalProperties: false },
);

export const CreateTournamentBody = Type.Object(
  {
    venueId: Id,
    name: TournamentName,
    sport: SportSchema,
    format: FormatSchema,
    bestOf: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(3), Type.Literal(5), Type.Literal(7)])),
    /** Table tennis team event: results are `{rubbers: [{games}, …]}` (A-X, B-Y, C-Z, A-Y, B-X; won at three). */
    team: Type.Optional(Type.Boolean()),
    groupCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
    advancePerGroup: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    tiebreak: Type.Optional(TiebreakSchema),
    /** Courts or tables the matches are played on (rooms of the venue). */
    roomIds: Type.Optional(Type.Array(Id, { maxItems: 64, uniqueItems: true })),
    startsAt: Type.Optional(Instant),
    matchMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
  },
  { additionalProperties: false },
);
export type CreateTournamentInput = Static<typeof CreateTournamentBody>;

export const UpdateTournamentBody = Type.Object(
  {
    name: Type.Optional(TournamentName),
    tiebreak: Type.Optional(TiebreakSchema),
    roomIds: Type.Optional(Type.Array(Id, { maxItems: 64, uniqueItems: true })),
    startsAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    matchMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTournamentInput = Static<typeof UpdateTournamentBody>;

/** One person playing for an entry: a member (whose name the member list gives) or a name typed in. */
export const PlayerBody = Type.Object(
  {
    memberId: Type.Optional(Id),
    name: Type.Optional(EntryName),
    /** Gateball: the player's place in the team's order (ball number). Table tennis teams: order A, B, C… */
    ballNumber: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PlayerInput = Static<typeof PlayerBody>;
const Players = Type.Array(PlayerBody, { maxItems: 10 });

export const UpdateParticipantBody = Type.Object(
  {
    name: Type.Optional(EntryName),
    seed: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 256 }), Type.Null()])),
    players: Type.Optional(Players),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateParticipantInput = Static<typeof UpdateParticipantBody>;

export const AddParticipantBody = Type.Object(
  {
    name: EntryName,
    seed: Type.Optional(Type.Integer({ minimum: 1, maximum: 256 })),
    memberIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
    /** Gateball: the ball number each member plays, in memberIds order. */
    ballNumbers: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 10 }), { maxItems: 10, uniqueItems: true })),
    /** The people playing for this entry, members or typed names (instead of memberIds and ballNumbers). */
    players: Type.Optional(Players),
  },
  { additionalProperties: false },
);
export type AddParticipantInput = Static<typeof AddParticipantBody>;

/**
 * A result or live score as the sport defines it: `games` (+ `current` live), `rubbers`, `balls`, `score` or
 * `walkover`. Only these fields; the sport's rules (server/shared/sports/result.ts) check their values and answer
 * `invalid_score` with the rule broken, so their shapes are left to them here.
 */
export const ResultBody = Type.Object(
  {
    games: Type.Optional(Type.Unknown()),
    current: Type.Optional(Type.Unknown()),
    rubbers: Type.Optional(Type.Unknown()),
    balls: Type.Optional(Type.Unknown()),
    score: Type.Optional(Type.Unknown()),
    walkover: Type.Optional(Type.Unknown()),
    /** Live table tennis score: the side serving now (1 or 2), shown on the hall screens. */
    server: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()])),
  },
  { additionalProperties: false },
);

/**
 * A live score (`PUT /api/matches/:id/live`): table tennis `games`, `current` (team: `rubbers`), `server` and
 * `firstServer` (the side serving now, and first in the match); gateball `balls` or `score`, `turn` (the ball
 * in play), `clock` (`{remainingMs, running, at?}`) and `phase`. The sport's rules (server/shared/sports/result.ts
 * `validateLiveScore`) check the values and the sport, and refuse with `invalid_score` and a sentence in
 * English and Chinese (the referee's tablet shows the Chinese one), so the shapes are left to them here.
 */
export const LiveBody = Type.Object(
  {
    games: Type.Optional(Type.Unknown()),
    current: Type.Optional(Type.Unknown()),
    rubbers: Type.Optional(Type.Unknown()),
    server: Type.Optional(Type.Unknown()),
    firstServer: Type.Optional(Type.Unknown()),
    balls: Type.Optional(Type.Unknown()),
    score: Type.Optional(Type.Unknown()),
    turn: Type.Optional(Type.Unknown()),
    clock: Type.Optional(Type.Unknown()),
    phase: Type.Optional(Type.Unknown()),
    walkover: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

/** The order a physical draw gave players tied by lot: their ids, the first drawn placed highest. */
export const RecordLotBody = Type.Object(
  {
    /** The group's name ("A"); `null` for the one table of a round robin. */
    group: Type.Union([Line({ minLength: 1, maxLength: 4, notBlank: true }), Type.Null()]),
    order: Type.Array(Id, { minItems: 2, maxItems: 64, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type RecordLotInput = Static<typeof RecordLotBody>;

export const ParticipantSchema = Type.Object({
  id: Id,
  name: Type.String(),
  seed: Type.Union([Type.Integer(), Type.Null()]),
  players: Type.Array(Type.Object({ memberId: Type.Union([Id, Type.Null()]), name: Type.String(), ballNumber: Type.Union([Type.Integer(), Type.Null()]) })),
});
export type ParticipantDto = Static<typeof ParticipantSchema>;

export const TournamentSchema = Type.Object({
  id: Id,
  venueId: Id,
  name: Type.String(),
  sport: SportSchema,
  format: FormatSchema,
  bestOf: Type.Union([Type.Integer(), Type.Null()]),
  team: Type.Boolean(),
  groupCount: Type.Union([Type.Integer(), Type.Null()]),
  advancePerGroup: Type.Union([Type.Integer(), Type.Null()]),
  tiebreak: Type.Unknown(),
  status: OneOf(['draft', 'running', 'finished'] as const),
  roomIds: Type.Array(Id),
  startsAt: Type.Union([Type.String(), Type.Null()]),
  matchMinutes: Type.Integer(),
  version: Type.Integer(),
});
export type TournamentDto = Static<typeof TournamentSchema>;

export const MatchSchema = Type.Object({
  id: Id,
  key: Type.String(),
  stage: Type.String(),
  group: Type.Union([Type.String(), Type.Null()]),
  round: Type.Integer(),
  number: Type.Integer(),
  /** `from` (in GET only): where a side's player comes from — a group place or an earlier match's winner or loser. */
  /** `awaitingLot` (in GET only): a group place a lot decides that is not drawn yet (shown "待抽签"). */
  sides: Type.Array(Type.Object({
    participantId: Type.Union([Id, Type.Null()]), from: Type.Optional(Type.Unknown()), bye: Type.Optional(Type.Boolean()),
    awaitingLot: Type.Optional(Type.Boolean()),
  })),
  status: OneOf(['waiting', 'ready', 'live', 'done', 'bye'] as const),
  result: Type.Unknown(),
  live: Type.Unknown(),
  winnerId: Type.Union([Id, Type.Null()]),
  /** Why the stored result is not applied (a correction upstream changed who plays): the referee must look. */
  flag: Type.Union([Type.String(), Type.Null()]),
  roomId: Type.Union([Id, Type.Null()]),
  scheduledAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type MatchDto = Static<typeof MatchSchema>;

/** `complete`: every match of the group is decided. Rows say `byLot` / `lotDrawn` (standings/lot-state.ts). */
export const StandingsGroupSchema = Type.Object({
  group: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  complete: Type.Optional(Type.Boolean()),
});
export const StandingsSchema = Type.Array(StandingsGroupSchema);

export const TournamentView = Type.Object({
  tournament: TournamentSchema,
  participants: Type.Array(ParticipantSchema),
  matches: Type.Array(MatchSchema),
  standings: StandingsSchema,
  placings: Type.Array(Type.Object({ participantId: Id, place: Type.Integer() })),
});
