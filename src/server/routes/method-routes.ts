/**
 * Routes of the selling method's finding and closing (method parts 3 and 4): the discovery
 * chain and a visit's discovery, the pitch list, the objection catalog and close attempts.
 */
import type { FastifyInstance } from 'fastify';
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
import { closeAttemptRoutes } from '../../contract/close-attempts.js';
import { discoveryRoutes, objectionTypeRoutes } from '../../contract/method.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers the discovery, pitch-list, objection-catalog and close-attempt routes. */
export function registerMethodRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.caller(discoveryRoutes.chain, getDiscoveryChain);
  answer.caller(discoveryRoutes.chainVersions, listDiscoveryChainVersions);
  answer.body(discoveryRoutes.saveChain, saveDiscoveryChain);
  answer.idBody(discoveryRoutes.recordVisitDiscovery, recordVisitDiscovery);
  answer.id(discoveryRoutes.customerDiscoveries, listCustomerDiscoveries);
  answer.id(discoveryRoutes.pitchList, getPitchList);

  answer.caller(objectionTypeRoutes.list, listObjectionTypes);
  serve(app, objectionTypeRoutes.update, async ({ params, body }, request) =>
    updateObjectionType(deps, requirePrincipal(request), params.key, body),
  );
  answer.body(objectionTypeRoutes.create, createObjectionType);

  answer.body(closeAttemptRoutes.create, createCloseAttempt);
  answer.id(closeAttemptRoutes.ofCustomer, listCustomerCloseAttempts);
  answer.id(closeAttemptRoutes.get, getCloseAttempt);
  answer.remove(closeAttemptRoutes.remove, deleteCloseAttempt);
}
