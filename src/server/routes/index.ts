/** Every workspace route, registered in one place. */
import type { FastifyInstance } from 'fastify';
import { createContact } from '../../app/contacts/create-contact.js';
import { deleteContact } from '../../app/contacts/delete-contact.js';
import { getContact } from '../../app/contacts/get-contact.js';
import { listContacts } from '../../app/contacts/list-contacts.js';
import { updateContact } from '../../app/contacts/update-contact.js';
import type { Deps } from '../../app/context.js';
import { createCustomer } from '../../app/customers/create-customer.js';
import { deleteCustomer } from '../../app/customers/delete-customer.js';
import { getCustomer } from '../../app/customers/get-customer.js';
import { listCustomers } from '../../app/customers/list-customers.js';
import { updateCustomer } from '../../app/customers/update-customer.js';
import { createDeal } from '../../app/deals/create-deal.js';
import { deleteDeal } from '../../app/deals/delete-deal.js';
import { getDeal } from '../../app/deals/get-deal.js';
import { listDeals } from '../../app/deals/list-deals.js';
import { updateDeal } from '../../app/deals/update-deal.js';
import { createFollowUp } from '../../app/follow-ups/create-follow-up.js';
import { deleteFollowUp } from '../../app/follow-ups/delete-follow-up.js';
import { getFollowUp } from '../../app/follow-ups/get-follow-up.js';
import { listFollowUps } from '../../app/follow-ups/list-follow-ups.js';
import { updateFollowUp } from '../../app/follow-ups/update-follow-up.js';
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
import { createVisit } from '../../app/visits/create-visit.js';
import { deleteVisit } from '../../app/visits/delete-visit.js';
import { getVisit } from '../../app/visits/get-visit.js';
import { listVisits } from '../../app/visits/list-visits.js';
import { updateVisit } from '../../app/visits/update-visit.js';
import {
  contactView,
  createContactInput,
  listContactsQuery,
  updateContactInput,
} from '../../contract/contacts.js';
import {
  createCustomerInput,
  customerListItemView,
  customerView,
  listCustomersQuery,
  updateCustomerInput,
} from '../../contract/customers.js';
import { createDealInput, dealView, listDealsQuery, updateDealInput } from '../../contract/deals.js';
import {
  createFollowUpInput,
  followUpView,
  listFollowUpsQuery,
  updateFollowUpInput,
} from '../../contract/follow-ups.js';
import {
  createMarketInput,
  listMarketsQuery,
  marketView,
  updateMarketInput,
} from '../../contract/markets.js';
import {
  createProductInput,
  listProductsQuery,
  productView,
  updateProductInput,
} from '../../contract/products.js';
import {
  createVisitInput,
  listVisitsQuery,
  updateVisitInput,
  visitView,
  visitWriteView,
} from '../../contract/visits.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerCloseRoutes } from './close-routes.js';
import { registerCrudRoutes } from './crud-routes.js';
import { registerDutyRoutes } from './duty-routes.js';
import { registerImportRoutes } from './import-routes.js';
import { registerMeetingRoutes } from './meeting-routes.js';
import { registerPlanRoutes } from './plan-routes.js';
import { registerProgressRoutes } from './progress-routes.js';
import { registerSeminarRoutes } from './seminar-routes.js';

/** Registers the workspace routes (records and plans) on `app`. */
export function registerWorkspaceRoutes(app: FastifyInstance, deps: Deps): void {
  registerCrudRoutes(app, deps, {
    path: 'customers',
    noun: 'customer',
    // GET one answers the customer with its list row's counts; a save answers the record.
    view: customerListItemView,
    writeView: customerView,
    listItemView: customerListItemView,
    createInput: createCustomerInput,
    updateInput: updateCustomerInput,
    listQuery: listCustomersQuery,
    create: createCustomer,
    get: getCustomer,
    list: listCustomers,
    update: updateCustomer,
    remove: deleteCustomer,
  });
  registerCrudRoutes(app, deps, {
    path: 'contacts',
    noun: 'contact',
    view: contactView,
    createInput: createContactInput,
    updateInput: updateContactInput,
    listQuery: listContactsQuery,
    create: createContact,
    get: getContact,
    list: listContacts,
    update: updateContact,
    remove: deleteContact,
  });
  registerCrudRoutes(app, deps, {
    path: 'visits',
    noun: 'visit',
    view: visitView,
    writeView: visitWriteView,
    createInput: createVisitInput,
    updateInput: updateVisitInput,
    listQuery: listVisitsQuery,
    create: createVisit,
    get: getVisit,
    list: listVisits,
    update: updateVisit,
    remove: deleteVisit,
  });
  registerCrudRoutes(app, deps, {
    path: 'deals',
    noun: 'deal',
    view: dealView,
    createInput: createDealInput,
    updateInput: updateDealInput,
    listQuery: listDealsQuery,
    create: createDeal,
    get: getDeal,
    list: listDeals,
    update: updateDeal,
    remove: deleteDeal,
  });
  registerCrudRoutes(app, deps, {
    path: 'follow-ups',
    noun: 'follow-up',
    view: followUpView,
    createInput: createFollowUpInput,
    updateInput: updateFollowUpInput,
    listQuery: listFollowUpsQuery,
    create: createFollowUp,
    get: getFollowUp,
    list: listFollowUps,
    update: updateFollowUp,
    remove: deleteFollowUp,
  });
  registerCrudRoutes(app, deps, {
    path: 'products',
    noun: 'product',
    view: productView,
    createInput: createProductInput,
    updateInput: updateProductInput,
    listQuery: listProductsQuery,
    create: createProduct,
    get: getProduct,
    list: listProducts,
    update: updateProduct,
    remove: deleteProduct,
  });
  registerCrudRoutes(app, deps, {
    path: 'markets',
    noun: 'market',
    view: marketView,
    createInput: createMarketInput,
    updateInput: updateMarketInput,
    listQuery: listMarketsQuery,
    create: createMarket,
    get: getMarket,
    list: listMarkets,
    update: updateMarket,
    remove: deleteMarket,
  });
  registerPlanRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerCloseRoutes(app, deps);
  registerSeminarRoutes(app, deps);
  registerDutyRoutes(app, deps);
  registerProgressRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerCalendarRoutes(app, deps);
}
