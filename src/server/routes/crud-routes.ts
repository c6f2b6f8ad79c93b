/**
 * The five routes of a workspace record — list, create, read, change, delete — wired to
 * its use cases. Every record type uses this one registrar, so they all share the same
 * shapes: strict bodies (unknown fields are 400), `version` on changes (stale is 409),
 * 404 for records of other workspaces or outside the caller's rights, cursor pages.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps, Principal } from '../../app/context.js';
import type { Page } from '../../app/pagination.js';
import { errorResponses } from '../../contract/error-body.js';
import { requirePrincipal } from '../auth.js';

/** A record type's schemas and use cases. */
export interface CrudResource {
  /** URL segment: /api/<path>. */
  readonly path: string;
  /** Singular noun for summaries ("customer"). */
  readonly noun: string;
  readonly view: z.ZodType;
  /** A list row when it carries more than the record (customers: meeting and overdue counts). */
  readonly listItemView?: z.ZodType;
  /** The answer to create and change when it carries more than the record (visits: `warnings`). */
  readonly writeView?: z.ZodType;
  readonly createInput: z.ZodType;
  readonly updateInput: z.ZodType;
  readonly listQuery: z.ZodType;
  readonly create: (deps: Deps, principal: Principal, input: unknown) => Promise<unknown>;
  readonly get: (deps: Deps, principal: Principal, id: string) => Promise<unknown>;
  readonly list: (deps: Deps, principal: Principal, query: unknown) => Promise<Page<unknown>>;
  readonly update: (deps: Deps, principal: Principal, id: string, input: unknown) => Promise<unknown>;
  readonly remove: (deps: Deps, principal: Principal, id: string) => Promise<void>;
}

const idParams = z.strictObject({ id: z.uuid() });

/** Registers GET/POST /api/<path> and GET/PATCH/DELETE /api/<path>/:id. */
export function registerCrudRoutes(app: FastifyInstance, deps: Deps, r: CrudResource): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);
  const tags = [r.path];
  const base = `/api/${r.path}`;
  const writeView = r.writeView ?? r.view;

  routes.get(
    base,
    {
      schema: {
        summary: `List ${r.noun} records you may see`,
        tags,
        querystring: r.listQuery,
        response: {
          200: z.object({ items: z.array(r.listItemView ?? r.view), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => r.list(deps, requirePrincipal(request), request.query),
  );
  routes.post(
    base,
    {
      schema: {
        summary: `Create a ${r.noun}`,
        tags,
        body: r.createInput,
        response: { 201: writeView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await r.create(deps, requirePrincipal(request), request.body)),
  );
  routes.get(
    `${base}/:id`,
    { schema: { summary: `Read a ${r.noun}`, tags, params: idParams, response: { 200: r.view, ...errors } } },
    async (request) => r.get(deps, requirePrincipal(request), request.params.id),
  );
  routes.patch(
    `${base}/:id`,
    {
      schema: {
        summary: `Change a ${r.noun} (send the version you read; 409 if it changed since)`,
        tags,
        params: idParams,
        body: r.updateInput,
        response: { 200: writeView, ...errors },
      },
    },
    async (request) => r.update(deps, requirePrincipal(request), request.params.id, request.body),
  );
  routes.delete(
    `${base}/:id`,
    {
      schema: {
        summary: `Delete a ${r.noun}`,
        tags,
        params: idParams,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await r.remove(deps, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
