/**
 * Query keys of the method: Today, settings, the discovery chain, the objection catalog,
 * close attempts and next-visit plans (one place names each, so a write invalidates
 * exactly what the reads cached). Plain data: no imports, no cycles.
 */
export const methodKeys = {
  /** The caller's day. */
  today: ['today'],
  /** The workspace's method settings. */
  workspaceSettings: ['workspace-settings'],
  /** The discovery chain in force. */
  discoveryChain: ['discovery-chain'],
  /** The objection catalog (the dashboard reads it under the same key, so one copy is cached). */
  objectionTypes: ['objection-types'],
  /** A customer's close attempts. */
  closeAttempts: (customerId: string) => ['close-attempts', customerId] as const,
  /** A customer's next-visit plans. */
  nextVisitPlans: (customerId: string) => ['next-visit-plans', customerId] as const,
} as const;
