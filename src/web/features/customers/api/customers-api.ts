/** Customers, contacts, visits, markets and members over the API (TanStack Query hooks). */
import { keepPreviousData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { authRoutes, type Member } from '../../../../contract/auth.js';
import {
  type Contact,
  type CreateContactInput,
  contactRoutes,
  type UpdateContactInput,
} from '../../../../contract/contacts.js';
import {
  type CreateCustomerInput,
  type Customer,
  type CustomerListItem,
  customerRoutes,
  type listCustomersQuery,
  type UpdateCustomerInput,
} from '../../../../contract/customers.js';
import { marketRoutes } from '../../../../contract/markets.js';
import { type CreateVisitInput, visitRoutes } from '../../../../contract/visits.js';
import { call, useRouteQuery } from '../../../lib/api';
import { dashboardKeys } from '../../dashboard/api/dashboard-keys';
import { methodKeys } from '../../method/api/method-keys';
import { seminarKeys } from '../../seminars/api/seminar-keys';
import { teamKeys } from '../../team/api/team-keys';
import { customerKeys } from './customer-keys';

/** Filters, search and sort of the customer list: the list query without its paging. */
export type CustomerFilters = Omit<z.output<typeof listCustomersQuery>, 'limit' | 'cursor'>;

export type { Member };

/** One page of customers with their meeting and overdue counts (the list API's keyset cursor). */
export function useCustomers(filters: CustomerFilters, cursor: string | undefined, limit = 20) {
  return useRouteQuery(
    customerKeys.list(filters, cursor, limit),
    customerRoutes.list,
    { query: { ...filters, cursor, limit } },
    { placeholderData: keepPreviousData },
  );
}

/** One customer. */
export function useCustomer(id: string) {
  return useRouteQuery(customerKeys.detail(id), customerRoutes.get, { params: { id } });
}

/** A customer's contacts (first 200). */
export function useContacts(customerId: string) {
  return useRouteQuery(customerKeys.contacts(customerId), contactRoutes.list, {
    query: { customerId, limit: 200 },
  });
}

/** A customer's visits, newest first (first 200). */
export function useVisits(customerId: string) {
  return useRouteQuery(customerKeys.visits(customerId), visitRoutes.list, {
    query: { customerId, limit: 200, order: 'desc' },
  });
}

/** The workspace's markets (first 200). */
export function useMarkets() {
  return useRouteQuery(
    customerKeys.markets,
    marketRoutes.list,
    { query: { limit: 200 } },
    { staleTime: 60_000 },
  );
}

/** The workspace's members. */
export function useMembers() {
  return useRouteQuery(customerKeys.members, authRoutes.members, undefined, { staleTime: 60_000 });
}

/** Creates a customer. */
export function createCustomer(input: CreateCustomerInput): Promise<Customer> {
  return call(customerRoutes.create, { body: input });
}

/** Adds a contact. */
export function createContact(input: CreateContactInput): Promise<Contact> {
  return call(contactRoutes.create, { body: input });
}

/** Logs a visit. */
export function createVisit(input: CreateVisitInput) {
  return call(visitRoutes.create, { body: input });
}

/**
 * Queries that list or count customers, stale after a customer changes or goes. Only
 * marked stale: the ones on screen refetch, the others when next shown.
 */
const CUSTOMER_LISTS: readonly QueryKey[] = [
  customerKeys.allLists,
  seminarKeys.customerDirectory,
  methodKeys.today,
  dashboardKeys.allStats,
  dashboardKeys.allForecasts,
  dashboardKeys.allProgress,
  teamKeys.allQueues,
  seminarKeys.allInvitations,
  seminarKeys.allQuotas,
];

/**
 * Changes a customer: only the fields given, with the version last read (409
 * CONFLICT.STALE when someone saved it since). The page's copy and the lists are refreshed.
 */
export async function updateCustomer(
  queryClient: QueryClient,
  id: string,
  input: UpdateCustomerInput,
): Promise<Customer> {
  const updated = await call(customerRoutes.update, { params: { id }, body: input });
  cacheCustomer(queryClient, updated);
  await Promise.all(CUSTOMER_LISTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return updated;
}

/**
 * Puts a customer just saved into the page's cache. A save answers the record without the
 * counts GET adds (meetings, overdue follow-ups); editing the record does not change them, so
 * the cached ones stay.
 */
export function cacheCustomer(queryClient: QueryClient, saved: Customer): void {
  queryClient.setQueryData<CustomerListItem>(customerKeys.detail(saved.id), (cached) =>
    cached ? { ...cached, ...saved } : undefined,
  );
}

/** Reads a customer afresh (after a stale save) and puts it in the page's cache. */
export async function reloadCustomer(queryClient: QueryClient, id: string): Promise<CustomerListItem> {
  const fresh = await call(customerRoutes.get, { params: { id } });
  queryClient.setQueryData(customerKeys.detail(id), fresh);
  return fresh;
}

/**
 * Deletes a customer; the server deletes its contacts, visits, deals, follow-ups and the
 * rest with it. The lists are marked stale; the customer's own queries are left alone
 * (refetching them would only answer 404 while its page is still on screen) and age out.
 */
export async function deleteCustomer(queryClient: QueryClient, id: string): Promise<void> {
  await call(customerRoutes.remove, { params: { id } });
  await Promise.all(CUSTOMER_LISTS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Changes a contact (only the fields given, with the version last read). */
export async function updateContact(
  queryClient: QueryClient,
  contact: Pick<Contact, 'id' | 'customerId'>,
  input: UpdateContactInput,
): Promise<Contact> {
  const updated = await call(contactRoutes.update, { params: { id: contact.id }, body: input });
  await queryClient.invalidateQueries({ queryKey: customerKeys.contacts(contact.customerId) });
  return updated;
}

/** Reads a contact afresh (after a stale save). */
export function getContact(id: string): Promise<Contact> {
  return call(contactRoutes.get, { params: { id } });
}

/**
 * Deletes a contact. The customer is read again too: when the contact was its key person,
 * the server has cleared the customer's key person with it.
 */
export async function deleteContact(
  queryClient: QueryClient,
  contact: Pick<Contact, 'id' | 'customerId'>,
): Promise<void> {
  await call(contactRoutes.remove, { params: { id: contact.id } });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.contacts(contact.customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.detail(contact.customerId) }),
  ]);
}
