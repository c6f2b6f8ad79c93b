/**
 * What every use case receives besides its input: the database, the clock and the id
 * generator (injected so tests control them), and, for workspace operations, the caller.
 */
import type { Kysely } from 'kysely';
import type { Role, Schema } from '../db/schema.js';

/** Dependencies of the use cases. */
export interface Deps {
  readonly db: Kysely<Schema>;
  /** The current instant. */
  readonly clock: () => Date;
  /** A new UUIDv7. */
  readonly newId: () => string;
}

/** The authenticated caller of a workspace operation. */
export interface Principal {
  readonly userId: string;
  readonly workspaceId: string;
  readonly membershipId: string;
  readonly role: Role;
  /** For an assistant: the membership id of their lead. */
  readonly worksFor: string | null;
  /** How the caller authenticated; writes by cookie sessions need a CSRF token. */
  readonly via: 'session' | 'token';
}
