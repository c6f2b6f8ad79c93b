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

/** Registers the discovery, pitch-list, objection-catalog and close-attempt routes. */
export function registerMethodRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, discoveryRoutes.chain, async (_, request) => getDiscoveryChain(deps, requirePrincipal(request)));
  serve(app, discoveryRoutes.chainVersions, async (_, request) =>
    listDiscoveryChainVersions(deps, requirePrincipal(request)),
  );
  serve(app, discoveryRoutes.saveChain, async ({ body }, request) =>
    saveDiscoveryChain(deps, requirePrincipal(request), body),
  );
  serve(app, discoveryRoutes.recordVisitDiscovery, async ({ params, body }, request) =>
    recordVisitDiscovery(deps, requirePrincipal(request), params.id, body),
  );
  serve(app, discoveryRoutes.customerDiscoveries, async ({ params }, request) =>
    listCustomerDiscoveries(deps, requirePrincipal(request), params.id),
  );
  serve(app, discoveryRoutes.pitchList, async ({ params }, request) =>
    getPitchList(deps, requirePrincipal(request), params.id),
  );

  serve(app, objectionTypeRoutes.list, async (_, request) =>
    listObjectionTypes(deps, requirePrincipal(request)),
  );
  serve(app, objectionTypeRoutes.update, async ({ params, body }, request) =>
    updateObjectionType(deps, requirePrincipal(request), params.key, body),
  );
  serve(app, objectionTypeRoutes.create, async ({ body }, request) =>
    createObjectionType(deps, requirePrincipal(request), body),
  );

  serve(app, closeAttemptRoutes.create, async ({ body }, request) =>
    createCloseAttempt(deps, requirePrincipal(request), body),
  );
  serve(app, closeAttemptRoutes.ofCustomer, async ({ params }, request) =>
    listCustomerCloseAttempts(deps, requirePrincipal(request), params.id),
  );
  serve(app, closeAttemptRoutes.get, async ({ params }, request) =>
    getCloseAttempt(deps, requirePrincipal(request), params.id),
  );
  serve(app, closeAttemptRoutes.remove, async ({ params }, request) => {
    await deleteCloseAttempt(deps, requirePrincipal(request), params.id);
    return null;
  });
}
