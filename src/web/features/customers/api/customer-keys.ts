/**
 * Query keys of customers and what hangs off them: contacts, visits, discoveries,
 * markets, members. TanStack Query invalidates by prefix, so a family's prefix
 * (`allLists`) marks every page of it stale at once. Plain data: no imports, no cycles.
 */
export const customerKeys = {
  /** Every page of the customer list, whatever the filters. */
  allLists: ['customers'],
  /** One page of the customer list. */
  list: (filters: object, cursor: string | undefined, limit: number) =>
    ['customers', filters, cursor, limit] as const,
  /** One customer (with its counts). */
  detail: (id: string) => ['customer', id] as const,
  /** A customer's contacts. */
  contacts: (customerId: string) => ['contacts', customerId] as const,
  /** A customer's visits. */
  visits: (customerId: string) => ['visits', customerId] as const,
  /** What a customer's visits found out. */
  discoveries: (customerId: string) => ['discoveries', customerId] as const,
  /** Every version of the discovery chain. */
  discoveryChainVersions: ['discovery-chain-versions'],
  /** The workspace's markets. */
  markets: ['markets'],
  /** The workspace's members. */
  members: ['members'],
} as const;
