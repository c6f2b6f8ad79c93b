/**
 * Registers a route of the contract (src/contract) with its handler: the contract entry
 * gives Fastify the method, the path, the zod schemas (validation, serialization and the
 * OpenAPI document) and the error answers; the handler gets the validated params, query
 * and body typed from the same schemas and returns the success answer, which is sent with
 * the entry's status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../contract/error-body.js';
import {
  type BodyOf,
  errorStatusesOf,
  type ParamsOf,
  type QueryOf,
  type ReplyOf,
  type Route,
} from '../contract/http.js';

/** The validated request parts a handler gets. */
export interface RouteInput<R extends Route> {
  readonly params: ParamsOf<R>;
  readonly query: QueryOf<R>;
  readonly body: BodyOf<R>;
}

/**
 * A route's handler: the success answer (sent with the route's status), or the reply when
 * the handler sent it itself (a file, a stream, a text body).
 */
export type RouteHandler<R extends Route> = (
  input: RouteInput<R>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<ReplyOf<R> | FastifyReply>;

/** Route options beyond the contract: checks before the body is read, a larger body limit. */
export interface ServeOptions {
  readonly onRequest?: onRequestHookHandler;
  readonly bodyLimit?: number;
}

/** Registers `route` on `app` with `handler`. */
export function serve<R extends Route>(
  app: FastifyInstance,
  route: R,
  handler: RouteHandler<R>,
  options: ServeOptions = {},
): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: route.method,
    url: route.path,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      summary: route.summary,
      tags: [...route.tags],
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      response: { [route.status]: route.response, ...errorResponses(...errorStatusesOf(route)) },
    },
    handler: async (request, reply) => {
      const input = { params: request.params, query: request.query, body: request.body } as RouteInput<R>;
      const answer = await handler(input, request, reply);
      if (answer === reply) return reply;
      return reply.code(route.status).send(route.status === 204 ? null : answer);
    },
  });
}
