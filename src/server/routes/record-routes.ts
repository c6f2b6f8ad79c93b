/**
 * The five routes of a workspace record — list, create, read, change, delete — wired to
 * its use cases. Every record type's routes come from one contract helper
 * (`recordRoutes`, src/contract/http.ts), so they all share the same shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps, Principal } from '../../app/context.js';
import type { BodyOf, QueryOf, ReplyOf, Route } from '../../contract/http.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';

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

/** The `:id` of a record route (its contract validates it as a uuid). */
function idOf(params: unknown): string {
  return (params as { id: string }).id;
}

/** Registers a record type's five routes with its use cases. */
export function serveRecords<R extends RecordRouteSet>(
  app: FastifyInstance,
  deps: Deps,
  routes: R,
  useCases: RecordUseCases<R>,
): void {
  serve(app, routes.list, async ({ query }, request) =>
    useCases.list(deps, requirePrincipal(request), query as QueryOf<R['list']>),
  );
  serve(app, routes.create, async ({ body }, request) =>
    useCases.create(deps, requirePrincipal(request), body as BodyOf<R['create']>),
  );
  serve(app, routes.get, async ({ params }, request) =>
    useCases.get(deps, requirePrincipal(request), idOf(params)),
  );
  serve(app, routes.update, async ({ params, body }, request) =>
    useCases.update(deps, requirePrincipal(request), idOf(params), body as BodyOf<R['update']>),
  );
  serve(app, routes.remove, async ({ params }, request) => {
    await useCases.remove(deps, requirePrincipal(request), idOf(params));
    return null;
  });
}
