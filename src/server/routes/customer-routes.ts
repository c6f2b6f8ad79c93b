/**
 * Routes of customers and what hangs off them: the customer, its contacts, visits and
 * follow-ups, its stage history, its "must ask the chairman" consultations and its
 * next-visit plans.
 */
import type { FastifyInstance } from 'fastify';
import { listChairmanConsultations } from '../../app/chairman/list-chairman-consultations.js';
import { recordChairmanConsultation } from '../../app/chairman/record-chairman-consultation.js';
import { createContact } from '../../app/contacts/create-contact.js';
import { deleteContact } from '../../app/contacts/delete-contact.js';
import { getContact } from '../../app/contacts/get-contact.js';
import { listContacts } from '../../app/contacts/list-contacts.js';
import { updateContact } from '../../app/contacts/update-contact.js';
import type { Deps } from '../../app/context.js';
import { createCustomer } from '../../app/customers/create-customer.js';
import { deleteCustomer } from '../../app/customers/delete-customer.js';
import { getCustomer } from '../../app/customers/get-customer.js';
import { getStageHistory } from '../../app/customers/get-stage-history.js';
import { listCustomers } from '../../app/customers/list-customers.js';
import { updateCustomer } from '../../app/customers/update-customer.js';
import { createFollowUp } from '../../app/follow-ups/create-follow-up.js';
import { deleteFollowUp } from '../../app/follow-ups/delete-follow-up.js';
import { getFollowUp } from '../../app/follow-ups/get-follow-up.js';
import { listFollowUps } from '../../app/follow-ups/list-follow-ups.js';
import { updateFollowUp } from '../../app/follow-ups/update-follow-up.js';
import { createNextVisitPlan } from '../../app/next-visit-plans/create-next-visit-plan.js';
import { listNextVisitPlans } from '../../app/next-visit-plans/list-next-visit-plans.js';
import { updateNextVisitPlan } from '../../app/next-visit-plans/update-next-visit-plan.js';
import { createVisit } from '../../app/visits/create-visit.js';
import { deleteVisit } from '../../app/visits/delete-visit.js';
import { getVisit } from '../../app/visits/get-visit.js';
import { listVisits } from '../../app/visits/list-visits.js';
import { updateVisit } from '../../app/visits/update-visit.js';
import { contactRoutes } from '../../contract/contacts.js';
import { customerRoutes } from '../../contract/customers.js';
import { followUpRoutes } from '../../contract/follow-ups.js';
import { nextVisitRoutes } from '../../contract/next-visit-plans.js';
import { visitRoutes } from '../../contract/visits.js';
import { serveRecords } from './record-routes.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/customers…, /api/contacts…, /api/visits…, /api/follow-ups… and /api/next-visit-plans/:id. */
export function registerCustomerRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  serveRecords(app, deps, customerRoutes, {
    list: listCustomers,
    create: createCustomer,
    get: getCustomer,
    update: updateCustomer,
    remove: deleteCustomer,
  });
  serveRecords(app, deps, contactRoutes, {
    list: listContacts,
    create: createContact,
    get: getContact,
    update: updateContact,
    remove: deleteContact,
  });
  serveRecords(app, deps, visitRoutes, {
    list: listVisits,
    create: createVisit,
    get: getVisit,
    update: updateVisit,
    remove: deleteVisit,
  });
  serveRecords(app, deps, followUpRoutes, {
    list: listFollowUps,
    create: createFollowUp,
    get: getFollowUp,
    update: updateFollowUp,
    remove: deleteFollowUp,
  });

  answer.id(customerRoutes.stageHistory, getStageHistory);
  answer.id(nextVisitRoutes.listConsultations, listChairmanConsultations);
  answer.idBody(nextVisitRoutes.recordConsultation, recordChairmanConsultation);
  answer.id(nextVisitRoutes.listPlans, listNextVisitPlans);
  answer.idBody(nextVisitRoutes.createPlan, createNextVisitPlan);
  answer.idBody(nextVisitRoutes.updatePlan, updateNextVisitPlan);
}
