/** Use case: read one customer the caller may see. */
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { type Customer, toCustomer } from './customer-schema.js';

/** The customer, or NOT_FOUND when it does not exist, is another workspace's, or is outside the caller's rights. */
export async function getCustomer(deps: Deps, principal: Principal, id: string): Promise<Customer> {
  const row = await visibleCustomers(deps.db, principal)
    .selectAll('customers')
    .where('customers.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'customer', id });
  return toCustomer(row);
}
