/**
 * The five routes of a workspace record — list, create, read, change, delete — wired to
 * its use cases. Every record type's routes come from one contract helper
 * (`recordRoutes`, src/contract/http.ts), so they all share the same shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps, Principal } from '../../app/context.js';
import type { BodyOf, QueryOf, ReplyOf, Route } from '../../contract/http.js';
import { callerRoutes } from './use-case-routes.js';

/** A record type's five routes, as `recordRoutes` makes them. */
export interface RecordRouteSet {
  readonly list: Route;
  readonly create: Route;
  readonly get: Route;
  readonly update: Route;
  readonly remove: Route;
}

/** A record type's use cases (each checks its input and the caller's rights itself). */
export interface RecordUseCases<R extends RecordRouteSet> {
  readonly list: (deps: Deps, principal: Principal, query: QueryOf<R['list']>) => Promise<ReplyOf<R['list']>>;
  readonly create: (
    deps: Deps,
    principal: Principal,
    input: BodyOf<R['create']>,
  ) => Promise<ReplyOf<R['create']>>;
  readonly get: (deps: Deps, principal: Principal, id: string) => Promise<ReplyOf<R['get']>>;
  readonly update: (
    deps: Deps,
    principal: Principal,
    id: string,
    input: BodyOf<R['update']>,
  ) => Promise<ReplyOf<R['update']>>;
  readonly remove: (deps: Deps, principal: Principal, id: string) => Promise<void>;
}

/** Registers a record type's five routes with its use cases. */
export function serveRecords<R extends RecordRouteSet>(
  app: FastifyInstance,
  deps: Deps,
  routes: R,
  useCases: RecordUseCases<R>,
): void {
  const answer = callerRoutes(app, deps);
  answer.query<R['list']>(routes.list, useCases.list);
  answer.body<R['create']>(routes.create, useCases.create);
  answer.id<R['get']>(routes.get, useCases.get);
  answer.idBody<R['update']>(routes.update, useCases.update);
  answer.remove<R['remove']>(routes.remove, useCases.remove);
}
