import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Id, IdParams, wrap } from '../../http/schemas.ts';
import { AddParticipantBody, UpdateParticipantBody, UpdateTournamentBody, CreateTournamentBody, LiveBody, MatchSchema, ParticipantSchema, ResultBody, TournamentSchema, TournamentView } from './schemas.ts';
import * as service from './service.ts';
import * as draft from './draft.ts';
import * as participants from './participants.ts';
import { recordLot } from './lots.ts';
import { RecordLotBody, StandingsGroupSchema } from './schemas.ts';
import { undoStart } from './undo-start.ts';

export const tournamentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post(
    '/tournaments',
    { schema: { body: CreateTournamentBody, response: { 201: wrap('tournament', TournamentSchema), ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ tournament: await service.createTournament(db, request.principal, request.body) }),
  );

  app.get(
    '/tournaments',
    {
      schema: {
        querystring: Type.Object({ venueId: Id }, { additionalProperties: false }),
        response: { 200: wrap('tournaments', Type.Array(TournamentSchema)), ...errorResponses },
      },
    },
    async (request) => ({ tournaments: await service.listTournaments(db, request.principal, request.query.venueId) }),
  );

  app.get(
    '/tournaments/:tournamentId',
    { schema: { params: IdParams('tournamentId'), response: { 200: TournamentView, ...errorResponses } } },
    async (request) => service.getTournament(db, request.principal, request.params.tournamentId),
  );

  app.patch(
    '/tournaments/:tournamentId',
    { schema: { params: IdParams('tournamentId'), body: UpdateTournamentBody, response: { 200: wrap('tournament', TournamentSchema), ...errorResponses } } },
    async (request) => ({ tournament: await draft.updateTournament(db, request.principal, request.params.tournamentId, request.body) }),
  );

  app.delete(
    '/tournaments/:tournamentId',
    { schema: { params: IdParams('tournamentId'), response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await draft.deleteDraft(db, request.principal, request.params.tournamentId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/tournaments/:tournamentId/participants/:participantId',
    {
      schema: {
        params: Type.Object({ tournamentId: Id, participantId: Id }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await participants.removeParticipant(db, request.principal, request.params.tournamentId, request.params.participantId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tournaments/:tournamentId/participants',
    { schema: { params: IdParams('tournamentId'), body: AddParticipantBody, response: { 201: wrap('participant', ParticipantSchema), ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send({ participant: await participants.addParticipant(db, request.principal, request.params.tournamentId, request.body) }),
  );

  app.patch(
    '/tournaments/:tournamentId/participants/:participantId',
    {
      schema: {
        params: Type.Object({ tournamentId: Id, participantId: Id }, { additionalProperties: false }),
        body: UpdateParticipantBody,
        response: { 200: wrap('participant', ParticipantSchema), ...errorResponses },
      },
    },
    async (request) => ({
      participant: await participants.updateParticipant(db, request.principal, request.params.tournamentId, request.params.participantId, request.body),
    }),
  );

  app.post(
    '/tournaments/:tournamentId/start',
    { schema: { params: IdParams('tournamentId'), response: { 200: wrap('tournament', TournamentSchema), ...errorResponses } } },
    async (request) => ({ tournament: await service.startTournament(db, request.principal, request.params.tournamentId) }),
  );

  app.post(
    '/tournaments/:tournamentId/undo-start',
    { schema: { params: IdParams('tournamentId'), response: { 200: wrap('tournament', TournamentSchema), ...errorResponses } } },
    async (request) => ({ tournament: await undoStart(db, request.principal, request.params.tournamentId) }),
  );

  app.put(
    '/tournaments/:tournamentId/lots',
    {
      schema: {
        params: IdParams('tournamentId'),
        body: RecordLotBody,
        response: { 200: Type.Object({ tournament: TournamentSchema, standings: StandingsGroupSchema, matches: Type.Array(MatchSchema) }), ...errorResponses },
      },
    },
    async (request) => recordLot(db, request.principal, request.params.tournamentId, request.body),
  );

  app.put(
    '/matches/:matchId/result',
    {
      schema: {
        params: IdParams('matchId'),
        body: ResultBody,
        response: { 200: Type.Object({ match: MatchSchema, flags: Type.Array(Type.Unknown()) }), ...errorResponses },
      },
    },
    async (request) => service.putResult(db, request.principal, request.params.matchId, request.body as Record<string, unknown>),
  );

  app.put(
    '/matches/:matchId/live',
    { schema: { params: IdParams('matchId'), body: LiveBody, response: { 200: Type.Object({ match: MatchSchema }), ...errorResponses } } },
    async (request) => service.putLiveScore(db, request.principal, request.params.matchId, request.body as Record<string, unknown>),
  );
};
