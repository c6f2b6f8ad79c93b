/**
 * Routes answered by one use case of the caller, `useCase(deps, principal, …)`, the shape of
 * most routes: the route's parts the use case takes (nothing, the query, the body, the `:id`,
 * the `:id` and the query or the body, the `:id` of a delete) name the registrar, so a route
 * file lists route → use case, one line each, instead of repeating the handler around every
 * call. Options (a hook that refuses a caller before the body is validated) apply to every
 * route of one set.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps, Principal } from '../../app/context.js';
import type { BodyOf, QueryOf, ReplyOf, Route } from '../../contract/http.js';
import { requirePrincipal } from '../auth.js';
import { type RouteInput, type ServeOptions, serve } from '../serve.js';

/** A use case of the caller taking `args` after the dependencies and the principal. */
type UseCase<A extends unknown[], T> = (deps: Deps, principal: Principal, ...args: A) => Promise<T>;

/** The `:id` of a route (its contract validates it). */
function idOf(params: unknown): string {
  return (params as { id: string }).id;
}

/**
 * The registrars of `app`'s routes answered by a use case over `deps`, by what it takes;
 * each route is registered with `options`.
 */
export function callerRoutes(app: FastifyInstance, deps: Deps, options: ServeOptions = {}) {
  const on = <R extends Route, A extends unknown[]>(
    route: R,
    useCase: UseCase<A, ReplyOf<R>>,
    args: (input: RouteInput<R>) => A,
  ) =>
    serve(
      app,
      route,
      async (input, request) => useCase(deps, requirePrincipal(request), ...args(input)),
      options,
    );
  return {
    /** `useCase(deps, principal)`. */
    caller: <R extends Route>(route: R, useCase: UseCase<[], ReplyOf<R>>) => on(route, useCase, (): [] => []),
    /** `useCase(deps, principal, query)`. */
    query: <R extends Route>(route: R, useCase: UseCase<[QueryOf<R>], ReplyOf<R>>) =>
      on(route, useCase, (input): [QueryOf<R>] => [input.query]),
    /** `useCase(deps, principal, body)`. */
    body: <R extends Route>(route: R, useCase: UseCase<[BodyOf<R>], ReplyOf<R>>) =>
      on(route, useCase, (input): [BodyOf<R>] => [input.body]),
    /** `useCase(deps, principal, id)`. */
    id: <R extends Route>(route: R, useCase: UseCase<[string], ReplyOf<R>>) =>
      on(route, useCase, (input): [string] => [idOf(input.params)]),
    /** `useCase(deps, principal, id)` answered with no content (a delete). */
    remove: <R extends Route>(route: R, useCase: UseCase<[string], void>) =>
      serve(
        app,
        route,
        async ({ params }, request) => {
          await useCase(deps, requirePrincipal(request), idOf(params));
          return null as ReplyOf<R>;
        },
        options,
      ),
    /** `useCase(deps, principal, id, query)`. */
    idQuery: <R extends Route>(route: R, useCase: UseCase<[string, QueryOf<R>], ReplyOf<R>>) =>
      on(route, useCase, (input): [string, QueryOf<R>] => [idOf(input.params), input.query]),
    /** `useCase(deps, principal, id, body)`. */
    idBody: <R extends Route>(route: R, useCase: UseCase<[string, BodyOf<R>], ReplyOf<R>>) =>
      on(route, useCase, (input): [string, BodyOf<R>] => [idOf(input.params), input.body]),
  };
}
