/** Customers, contacts, visits, markets and members over the API (TanStack Query hooks). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Contact, CreateContactInput } from '../../../../app/contacts/contact-schema.js';
import type {
  CreateCustomerInput,
  Customer,
  CustomerListItem,
} from '../../../../app/customers/customer-schema.js';

import type { Market } from '../../../../app/markets/market-schema.js';
import type { CreateVisitInput, Visit } from '../../../../app/visits/visit-schema.js';
import { api, type Page } from '../../../lib/api';

/** Filters, search and sort of the customer list. */
export interface CustomerFilters {
  readonly q?: string;
  readonly class?: string;
  readonly status?: string;
  readonly marketId?: string;
  readonly ownerId?: string;
  /** Only customers with (true) or without (false) an overdue follow-up. */
  readonly overdue?: boolean;
  readonly sort: 'name' | 'createdAt' | 'updatedAt' | 'class' | 'status';
  readonly order: 'asc' | 'desc';
}

/** A workspace member as GET /api/members answers. */
export interface Member {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'manager' | 'lead' | 'assistant';
  readonly duty: 'prospecting' | 'after_sales' | null;
  readonly worksFor: string | null;
}

/** One page of customers with their meeting and overdue counts (the list API's keyset cursor). */
export function useCustomers(filters: CustomerFilters, cursor: string | undefined, limit = 20) {
  return useQuery({
    queryKey: ['customers', filters, cursor, limit],
    queryFn: () =>
      api<Page<CustomerListItem>>('GET', '/api/customers', { query: { ...filters, cursor, limit } }),
    placeholderData: keepPreviousData,
  });
}

/** One customer. */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => api<Customer>('GET', `/api/customers/${id}`),
  });
}

/** A customer's contacts (first 200). */
export function useContacts(customerId: string) {
  return useQuery({
    queryKey: ['contacts', customerId],
    queryFn: () => api<Page<Contact>>('GET', '/api/contacts', { query: { customerId, limit: 200 } }),
  });
}

/** A customer's visits, newest first (first 200). */
export function useVisits(customerId: string) {
  return useQuery({
    queryKey: ['visits', customerId],
    queryFn: () =>
      api<Page<Visit>>('GET', '/api/visits', { query: { customerId, limit: 200, order: 'desc' } }),
  });
}

/** The workspace's markets (first 200). */
export function useMarkets() {
  return useQuery({
    queryKey: ['markets'],
    queryFn: () => api<Page<Market>>('GET', '/api/markets', { query: { limit: 200 } }),
    staleTime: 60_000,
  });
}

/** The workspace's members. */
export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => api<{ members: Member[] }>('GET', '/api/members'),
    staleTime: 60_000,
  });
}

/** Creates a customer. */
export function createCustomer(input: CreateCustomerInput): Promise<Customer> {
  return api<Customer>('POST', '/api/customers', { body: input });
}

/** Adds a contact. */
export function createContact(input: CreateContactInput): Promise<Contact> {
  return api<Contact>('POST', '/api/contacts', { body: input });
}

/** Logs a visit. */
export function createVisit(input: CreateVisitInput): Promise<Visit> {
  return api<Visit>('POST', '/api/visits', { body: input });
}
