/**
 * Routes of finding the need and closing (method parts 3 and 4): the discovery chain and a
 * visit's discovery, the pitch list, the objection catalog, close attempts and the
 * objection analytics.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCloseAttempt } from '../../app/close-attempts/create-close-attempt.js';
import { deleteCloseAttempt } from '../../app/close-attempts/delete-close-attempt.js';
import { getCloseAttempt, listCustomerCloseAttempts } from '../../app/close-attempts/get-close-attempt.js';
import type { Deps } from '../../app/context.js';
import { getDiscoveryChain, listDiscoveryChainVersions } from '../../app/discovery/get-discovery-chain.js';
import { getPitchList } from '../../app/discovery/get-pitch-list.js';
import { listCustomerDiscoveries } from '../../app/discovery/list-customer-discoveries.js';
import { recordVisitDiscovery } from '../../app/discovery/record-visit-discovery.js';
import { saveDiscoveryChain } from '../../app/discovery/save-discovery-chain.js';
import { createObjectionType } from '../../app/objections/create-objection-type.js';
import { listObjectionTypes } from '../../app/objections/list-objection-types.js';
import { updateObjectionType } from '../../app/objections/update-objection-type.js';
import { getObjectionStats } from '../../app/stats/objection-stats.js';
import {
  closeAttemptCreatedView,
  closeAttemptView,
  createCloseAttemptInput,
  customerCloseAttemptsView,
} from '../../contract/close-attempts.js';
import { errorResponses } from '../../contract/error-body.js';
import {
  createObjectionTypeInput,
  discoveryChainView,
  objectionTypeView,
  pitchListView,
  updateObjectionTypeInput,
  visitDiscoveryInput,
  visitDiscoveryView,
} from '../../contract/method.js';
import { objectionStatsQuery, objectionStatsView } from '../../contract/stats.js';
import { discoveryChainInput } from '../../domain/method/discovery.js';
import { requirePrincipal } from '../auth.js';

const idParams = z.strictObject({ id: z.uuid() });
const keyParams = z.strictObject({ key: z.string().min(1).max(40) });

/** Registers the discovery, objection-catalog, close-attempt and objection-analytics routes. */
export function registerCloseRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);

  routes.get(
    '/api/discovery-chain',
    {
      schema: {
        summary: 'The discovery question chain in force (the built-in version 0 until a manager edits it)',
        tags: ['discovery'],
        response: { 200: discoveryChainView, ...errors },
      },
    },
    async (request) => getDiscoveryChain(deps, requirePrincipal(request)),
  );
  routes.get(
    '/api/discovery-chain/versions',
    {
      schema: {
        summary: 'Every version of the discovery chain, newest first',
        tags: ['discovery'],
        response: { 200: z.array(discoveryChainView), ...errors },
      },
    },
    async (request) => listDiscoveryChainVersions(deps, requirePrincipal(request)),
  );
  routes.put(
    '/api/discovery-chain',
    {
      schema: {
        summary: 'Store a new version of the discovery chain (1–10 questions with unique ids; managers)',
        tags: ['discovery'],
        body: discoveryChainInput,
        response: { 201: discoveryChainView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await saveDiscoveryChain(deps, requirePrincipal(request), request.body)),
  );
  routes.put(
    '/api/visits/:id/discovery',
    {
      schema: {
        summary: "Write a visit's discovery answers (for a chain version) and the pains found",
        tags: ['discovery'],
        params: idParams,
        body: visitDiscoveryInput,
        response: { 200: visitDiscoveryView, ...errors },
      },
    },
    async (request) => recordVisitDiscovery(deps, requirePrincipal(request), request.params.id, request.body),
  );
  routes.get(
    '/api/customers/:id/discoveries',
    {
      schema: {
        summary: "What the customer's visits found out: discovery answers and pains per visit, newest first",
        tags: ['discovery'],
        params: idParams,
        response: { 200: z.array(visitDiscoveryView), ...errors },
      },
    },
    async (request) => listCustomerDiscoveries(deps, requirePrincipal(request), request.params.id),
  );
  routes.get(
    '/api/customers/:id/pitch-list',
    {
      schema: {
        summary: "The customer's pains and the products whose features answer them, best first",
        tags: ['discovery'],
        params: idParams,
        response: { 200: pitchListView, ...errors },
      },
    },
    async (request) => getPitchList(deps, requirePrincipal(request), request.params.id),
  );

  routes.get(
    '/api/objection-types',
    {
      schema: {
        summary: 'The objection catalog: objections and stalls with their scripted replies',
        tags: ['objections'],
        response: { 200: z.array(objectionTypeView), ...errors },
      },
    },
    async (request) => listObjectionTypes(deps, requirePrincipal(request)),
  );
  routes.put(
    '/api/objection-types/:key',
    {
      schema: {
        summary: 'Edit a catalog entry: labels, replies, archived (managers; send the version once edited)',
        tags: ['objections'],
        params: keyParams,
        body: updateObjectionTypeInput,
        response: { 200: objectionTypeView, ...errors },
      },
    },
    async (request) => updateObjectionType(deps, requirePrincipal(request), request.params.key, request.body),
  );
  routes.post(
    '/api/objection-types',
    {
      schema: {
        summary: 'Add a custom objection or stall (managers)',
        tags: ['objections'],
        body: createObjectionTypeInput,
        response: { 201: objectionTypeView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createObjectionType(deps, requirePrincipal(request), request.body)),
  );

  routes.post(
    '/api/close-attempts',
    {
      schema: {
        summary: 'Log a close attempt; a stall creates its follow-up, next-visit plan or funds date',
        tags: ['close-attempts'],
        body: createCloseAttemptInput,
        response: { 201: closeAttemptCreatedView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCloseAttempt(deps, requirePrincipal(request), request.body)),
  );
  routes.get(
    '/api/customers/:id/close-attempts',
    {
      schema: {
        summary: "A customer's close attempts, oldest first, with their count",
        tags: ['close-attempts'],
        params: idParams,
        response: { 200: customerCloseAttemptsView, ...errors },
      },
    },
    async (request) => listCustomerCloseAttempts(deps, requirePrincipal(request), request.params.id),
  );
  routes.get(
    '/api/close-attempts/:id',
    {
      schema: {
        summary: 'Read a close attempt',
        tags: ['close-attempts'],
        params: idParams,
        response: { 200: closeAttemptView, ...errors },
      },
    },
    async (request) => getCloseAttempt(deps, requirePrincipal(request), request.params.id),
  );
  routes.delete(
    '/api/close-attempts/:id',
    {
      schema: {
        summary: 'Delete a close attempt and the open follow-ups and plans it created',
        tags: ['close-attempts'],
        params: idParams,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCloseAttempt(deps, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/api/stats/objections',
    {
      schema: {
        summary: 'Objections by key (overall or per market, class, member) and reply effectiveness',
        tags: ['stats'],
        querystring: objectionStatsQuery,
        response: { 200: objectionStatsView, ...errors },
      },
    },
    async (request) => getObjectionStats(deps, requirePrincipal(request), request.query),
  );
}
