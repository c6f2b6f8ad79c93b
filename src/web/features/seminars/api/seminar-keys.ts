/**
 * Query keys of seminars: the list, quotas, invitations, their statistics and the
 * customer directory (one place names each, so a write invalidates what the reads
 * cached). Plain data: no imports, no cycles.
 */
export const seminarKeys = {
  /** The seminars. */
  list: ['seminars'],
  /** Every seminar's quotas. */
  allQuotas: ['seminar-quotas'],
  /** A seminar's invitation quotas. */
  quotas: (id: string | null) => ['seminar-quotas', id] as const,
  /** Every seminar's invitations. */
  allInvitations: ['seminar-invitations'],
  /** A seminar's invitations. */
  invitations: (id: string | null) => ['seminar-invitations', id] as const,
  /** Sign rate per seminar (under `stats`, which every statistic shares). */
  stats: ['stats', 'seminars'],
  /** Every customer the caller may see, by id. */
  customerDirectory: ['customer-directory'],
} as const;
