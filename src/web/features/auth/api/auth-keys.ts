/**
 * Query keys of sign-in (TanStack Query caches by key; one place names each, so a write
 * invalidates exactly what the reads cached). Plain data: no imports, no cycles.
 */
export const authKeys = {
  /** The signed-in caller (null when nobody is signed in). */
  me: ['me'],
} as const;
