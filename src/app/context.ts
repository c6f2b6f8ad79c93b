/**
 * What every use case receives besides its input: the database, the clock and the id
 * generator (injected so tests control them), a logger, and, for workspace operations,
 * the caller.
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
  /**
   * Where internal failures go (with their stack and a reference the user is shown instead).
   * The server passes Fastify's pino logger; left out (tests, scripts), nothing is logged.
   */
  readonly log?: Logger;
}

/** A log entry's fields: `err` for an error (pino prints its stack), anything else by name. */
export type LogFields = Readonly<Record<string, unknown>>;

/** The logging the use cases need; pino's loggers (Fastify's `app.log`) satisfy it. */
export interface Logger {
  error(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
}

/** A logger that drops everything: the default when Deps has none. */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
};

/** The logger of `deps`, or the silent one. */
export function loggerOf(deps: Pick<Deps, 'log'>): Logger {
  return deps.log ?? silentLogger;
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

/**
 * `deps` with its clock stopped at one instant: a use case that writes several rows
 * (an attempt, its follow-ups, a plan, the customer) stamps them all alike, as one change.
 */
export function atOneInstant<D extends Pick<Deps, 'clock'>>(deps: D): D {
  const at = deps.clock();
  return { ...deps, clock: () => new Date(at.getTime()) };
}
