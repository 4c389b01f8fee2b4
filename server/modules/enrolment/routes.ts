/** Term enrolment over HTTP (docs/api.md "Senior-university enrolment"); who may call each route: server/http/access.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, errorResponses, Id, IdParams, wrap } from '../../http/schemas.ts';
import { IdempotencyHeaders } from '../checkins/schemas.ts';
import * as applications from './applications.ts';
import { classAttendance, termReport } from './after-start.ts';
import { drawTerm, getDraw, redrawTerm } from './draw.ts';
import { toClass, toTerm } from './dto.ts';
import * as placements from './placements.ts';
import { seatsOf } from './seat-board.ts';
import * as terms from './terms.ts';
import {
  ApplicationSchema, ApplicationsQuery, AttendanceView, TermReportView, ApplyBody, ApplyResponse, ClassSchema, CreateClassBody, CreateTermBody, DrawBody, DrawView, EligibilityQuery,
  EligibilityView, PaymentBody, PlacementSchema, PlacementsQuery, RedrawBody, RenewBody, RosterView, SeatsView, TermSchema, TermView, UpdateApplicationBody,
  UpdateClassBody, UpdateTermBody,
} from './schemas.ts';

const errors = { ...errorResponses, 422: ErrorBody };
const placementParams = IdParams('placementId');

export const enrolmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post('/terms', { schema: { body: CreateTermBody, response: { 201: wrap('term', TermSchema), ...errors } } }, async (request, reply) =>
    reply.status(201).send({ term: await terms.createTerm(db, request.principal, request.body) }),
  );
  app.get(
    '/terms',
    { schema: { querystring: Type.Object({ venueId: Id }, { additionalProperties: false }), response: { 200: wrap('terms', Type.Array(TermSchema)), ...errors } } },
    async (request) => ({ terms: await terms.listTerms(db, request.principal, request.query.venueId) }),
  );
  app.get('/terms/:termId', { schema: { params: IdParams('termId'), response: { 200: TermView, ...errors } } }, async (request) =>
    terms.getTerm(db, request.principal, request.params.termId),
  );
  app.patch('/terms/:termId', { schema: { params: IdParams('termId'), body: UpdateTermBody, response: { 200: wrap('term', TermSchema), ...errors } } }, async (request) => ({
    term: await terms.updateTerm(db, request.principal, request.params.termId, request.body),
  }));

  app.post('/terms/:termId/classes', { schema: { params: IdParams('termId'), body: CreateClassBody, response: { 201: wrap('class', ClassSchema), ...errors } } }, async (request, reply) =>
    reply.status(201).send({ class: await terms.createClass(db, request.principal, request.params.termId, request.body) }),
  );
  app.patch('/classes/:classId', { schema: { params: IdParams('classId'), body: UpdateClassBody, response: { 200: wrap('class', ClassSchema), ...errors } } }, async (request) => ({
    class: await terms.updateClass(db, request.principal, request.params.classId, request.body),
  }));
  app.get('/classes/:classId/roster', { schema: { params: IdParams('classId'), response: { 200: RosterView, ...errors } } }, async (request) => {
    const { c, term, students } = await placements.rosterOf(db, request.principal, request.params.classId);
    return {
      class: toClass(c),
      term: toTerm(term),
      students: students.map((s) => ({ ...s, paidAt: s.paidAt ? new Date(s.paidAt).toISOString() : null })),
    };
  });

  app.get('/classes/:classId/attendance', { schema: { params: IdParams('classId'), response: { 200: AttendanceView, ...errors } } }, async (request) =>
    classAttendance(db, request.principal, request.params.classId),
  );
  app.get('/terms/:termId/report', { schema: { params: IdParams('termId'), response: { 200: TermReportView, ...errors } } }, async (request) =>
    termReport(db, request.principal, request.params.termId),
  );

  app.get('/terms/:termId/eligibility', { schema: { params: IdParams('termId'), querystring: EligibilityQuery, response: { 200: EligibilityView, ...errors } } }, async (request) =>
    applications.eligibilityOf(db, request.principal, request.params.termId, request.query),
  );
  app.post(
    '/terms/:termId/applications',
    { schema: { params: IdParams('termId'), headers: IdempotencyHeaders, body: ApplyBody, response: { 200: ApplyResponse, 201: ApplyResponse, ...errors } } },
    async (request, reply) => {
      const { created, ...answer } = await applications.apply(db, request.principal, request.params.termId, request.headers['idempotency-key'], request.body);
      return reply.status(created ? 201 : 200).send(answer);
    },
  );
  app.get(
    '/terms/:termId/applications',
    { schema: { params: IdParams('termId'), querystring: ApplicationsQuery, response: { 200: wrap('applications', Type.Array(ApplicationSchema)), ...errors } } },
    async (request) => ({ applications: await applications.listApplications(db, request.principal, request.params.termId, request.query.classId) }),
  );
  app.put(
    '/applications/:applicationId',
    { schema: { params: IdParams('applicationId'), body: UpdateApplicationBody, response: { 200: wrap('application', ApplicationSchema), ...errors } } },
    async (request) => ({ application: await applications.changeChoices(db, request.principal, request.params.applicationId, request.body.choices) }),
  );
  app.delete('/applications/:applicationId', { schema: { params: IdParams('applicationId'), response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await applications.withdrawApplication(db, request.principal, request.params.applicationId);
    return reply.status(204).send(null);
  });

  app.post('/terms/:termId/draw', { schema: { params: IdParams('termId'), body: DrawBody, response: { 200: DrawView, ...errors } } }, async (request) =>
    drawTerm(db, request.principal, request.params.termId, request.body.publicNumber),
  );
  app.get('/terms/:termId/draw', { schema: { params: IdParams('termId'), response: { 200: DrawView, ...errors } } }, async (request) => getDraw(db, request.params.termId));
  app.post('/terms/:termId/redraw', { schema: { params: IdParams('termId'), body: RedrawBody, response: { 200: wrap('term', TermSchema), ...errors } } }, async (request) => ({
    term: await redrawTerm(db, request.principal, request.params.termId, request.body.reason),
  }));

  app.get(
    '/terms/:termId/placements',
    { schema: { params: IdParams('termId'), querystring: PlacementsQuery, response: { 200: wrap('placements', Type.Array(PlacementSchema)), ...errors } } },
    async (request) => ({ placements: await placements.listPlacements(db, request.principal, request.params.termId, request.query) }),
  );
  app.get('/terms/:termId/seats', { schema: { params: IdParams('termId'), response: { 200: SeatsView, ...errors } } }, async (request) => {
    await terms.readableTerm(db, request.principal, request.params.termId);
    return seatsOf(db, request.params.termId);
  });
  app.post('/terms/:termId/renewals', { schema: { params: IdParams('termId'), body: RenewBody, response: { 201: wrap('placement', PlacementSchema), ...errors } } }, async (request, reply) =>
    reply.status(201).send({ placement: await placements.renewSeat(db, request.principal, request.params.termId, request.body) }),
  );
  app.post('/placements/:placementId/withdraw', { schema: { params: placementParams, response: { 200: wrap('placement', PlacementSchema), ...errors } } }, async (request) => ({
    placement: await placements.withdrawPlacement(db, request.principal, request.params.placementId),
  }));
  app.post('/placements/:placementId/accept', { schema: { params: placementParams, response: { 200: wrap('placement', PlacementSchema), ...errors } } }, async (request) => ({
    placement: await placements.acceptOffer(db, request.principal, request.params.placementId),
  }));
  app.post('/placements/:placementId/decline', { schema: { params: placementParams, response: { 200: wrap('placement', PlacementSchema), ...errors } } }, async (request) => ({
    placement: await placements.declineOffer(db, request.principal, request.params.placementId),
  }));
  app.post(
    '/placements/:placementId/payment',
    { schema: { params: placementParams, body: PaymentBody, response: { 200: wrap('placement', PlacementSchema), ...errors } } },
    async (request) => ({ placement: await placements.recordPayment(db, request.principal, request.params.placementId, request.body) }),
  );
};
