/** Query keys of plans (one place names each, so a save invalidates what the reads cached). */
export const planKeys = {
  /** Every saved revision. */
  revisions: ['plans'],
} as const;
