/** Use case: update a product (managers only) under optimistic concurrency, with its audit entry. */

import { updateProductInput } from '../../contract/products.js';
import { requireManager } from '../access.js';
import { defineUpdate } from '../record-update.js';
import { products } from './product-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; AUTH.FORBIDDEN for non-managers. */
export const updateProduct = defineUpdate(products, updateProductInput, (update) => {
  requireManager(update.principal);
  return update.save();
});
