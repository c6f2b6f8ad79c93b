/** Routes of deals: the signed (or open) deals of customers. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { createDeal } from '../../app/deals/create-deal.js';
import { deleteDeal } from '../../app/deals/delete-deal.js';
import { getDeal } from '../../app/deals/get-deal.js';
import { listDeals } from '../../app/deals/list-deals.js';
import { updateDeal } from '../../app/deals/update-deal.js';
import { dealRoutes } from '../../contract/deals.js';
import { serveRecords } from './record-routes.js';

/** Registers /api/deals…. */
export function registerDealRoutes(app: FastifyInstance, deps: Deps): void {
  serveRecords(app, deps, dealRoutes, {
    list: listDeals,
    create: createDeal,
    get: getDeal,
    update: updateDeal,
    remove: deleteDeal,
  });
}
