/**
 * Query keys of the team page: the plan's per-member targets, the assistants' queues and the
 * sign-in attempts (one place names each, so a write invalidates what the reads cached).
 * Plain data.
 */
export const teamKeys = {
  /** The saved plan's annual target per member. */
  planMembers: (year: number) => ['plan-members', year] as const,
  /** Every assistant's queue, of both duties. */
  allQueues: ['queue'],
  /** A prospecting assistant's queue. */
  prospecting: (memberId: string) => ['queue', 'prospecting', memberId] as const,
  /** An after-sales assistant's queue. */
  afterSales: (memberId: string) => ['queue', 'after-sales', memberId] as const,
  /** The sign-in attempts on the workspace's accounts. */
  signInAttempts: ['sign-in-attempts'],
} as const;
