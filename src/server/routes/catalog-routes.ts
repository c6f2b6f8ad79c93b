/** Routes of the workspace's reference records: the products it sells and the markets it sells in. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { createMarket } from '../../app/markets/create-market.js';
import { deleteMarket } from '../../app/markets/delete-market.js';
import { getMarket } from '../../app/markets/get-market.js';
import { listMarkets } from '../../app/markets/list-markets.js';
import { updateMarket } from '../../app/markets/update-market.js';
import { createProduct } from '../../app/products/create-product.js';
import { deleteProduct } from '../../app/products/delete-product.js';
import { getProduct } from '../../app/products/get-product.js';
import { listProducts } from '../../app/products/list-products.js';
import { updateProduct } from '../../app/products/update-product.js';
import { marketRoutes } from '../../contract/markets.js';
import { productRoutes } from '../../contract/products.js';
import { serveRecords } from './record-routes.js';

/** Registers /api/products… and /api/markets…. */
export function registerCatalogRoutes(app: FastifyInstance, deps: Deps): void {
  serveRecords(app, deps, productRoutes, {
    list: listProducts,
    create: createProduct,
    get: getProduct,
    update: updateProduct,
    remove: deleteProduct,
  });
  serveRecords(app, deps, marketRoutes, {
    list: listMarkets,
    create: createMarket,
    get: getMarket,
    update: updateMarket,
    remove: deleteMarket,
  });
}
