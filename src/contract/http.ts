/**
 * What one route of the API is, written once for the server and the web: method and path,
 * the schemas of its params, query and body, its success status and answer, the error
 * statuses it can answer with (each the error body), and its summary and tags for the
 * OpenAPI document. The server registers a handler for an entry (src/server/serve.ts);
 * the web's client calls an entry (src/web/lib/api.ts); both are typed from the same
 * schemas, so a shape is never restated.
 */
import { z } from 'zod';

/** The HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the API. */
export interface Route {
  readonly method: Method;
  /** Fastify-style path: `/api/customers/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status: 200, 201, 202 or 204. */
  readonly status: 200 | 201 | 202 | 204;
  /** The success answer's body (`noContent` for 204). */
  readonly response: z.ZodType;
  /** The error statuses the route can answer with, each with the error body. */
  readonly errors: readonly number[];
}

/** Declares a route, keeping its literal types (the schemas, the status). */
export function route<const R extends Route>(entry: R): R {
  return entry;
}

/** The body of a 204 answer. */
export const noContent = z.null().describe('No content');

/** `:id` of a record route. */
export const idParams = z.strictObject({ id: z.uuid() });

/** The error statuses of a workspace record's routes: bad input, signed out, no right, not found, stale. */
export const RECORD_ERRORS = [400, 401, 403, 404, 409] as const;

/**
 * The error statuses a route answers with: its own, and 413 for a route that takes a body
 * (any body can be larger than the server accepts).
 */
export function errorStatusesOf(route: Route): readonly number[] {
  return route.body && !route.errors.includes(413) ? [...route.errors, 413] : route.errors;
}

/** One page of a list: the items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The validated params of a route (what its handler receives). */
export type ParamsOf<R extends Route> = R extends { params: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
/** The validated query of a route. */
export type QueryOf<R extends Route> = R extends { query: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
/** The validated body of a route. */
export type BodyOf<R extends Route> = R extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
/** What a caller sends: the schemas' input types (before defaults and coercion). */
export interface RequestOf<R extends Route> {
  readonly params: R extends { params: infer S extends z.ZodType } ? z.input<S> : undefined;
  readonly query: R extends { query: infer S extends z.ZodType } ? z.input<S> : undefined;
  readonly body: R extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;
}
/** The success answer as the handler produces it (the serializer's input). */
export type ReplyOf<R extends Route> = z.input<R['response']>;
/** The success answer as the caller receives it. */
export type AnswerOf<R extends Route> = z.output<R['response']>;

/** The five routes of a workspace record type: list, create, read, change, delete. */
export interface RecordSchemas {
  readonly view: z.ZodType;
  /** A list row when it carries more than the record (customers: meeting and overdue counts). */
  readonly listItemView?: z.ZodType;
  /** The answer to create and change when it carries more than the record (visits: `warnings`). */
  readonly writeView?: z.ZodType;
  readonly createInput: z.ZodType;
  readonly updateInput: z.ZodType;
  readonly listQuery: z.ZodType;
}

/**
 * GET/POST /api/<path> and GET/PATCH/DELETE /api/<path>/:id of a record type. Every
 * record type has the same shapes: strict bodies, `version` on changes (stale is 409),
 * 404 for records of other workspaces or outside the caller's rights, cursor pages.
 */
export function recordRoutes<const S extends RecordSchemas>(path: string, noun: string, s: S) {
  const tags = [path];
  const base = `/api/${path}`;
  const writeView = (s.writeView ?? s.view) as S['writeView'] extends z.ZodType ? S['writeView'] : S['view'];
  const listItem = (s.listItemView ?? s.view) as S['listItemView'] extends z.ZodType
    ? S['listItemView']
    : S['view'];
  return {
    list: route({
      method: 'GET',
      path: base,
      summary: `List ${noun} records you may see`,
      tags,
      query: s.listQuery as S['listQuery'],
      status: 200,
      response: pageOf(listItem),
      errors: RECORD_ERRORS,
    }),
    create: route({
      method: 'POST',
      path: base,
      summary: `Create a ${noun}`,
      tags,
      body: s.createInput as S['createInput'],
      status: 201,
      response: writeView,
      errors: RECORD_ERRORS,
    }),
    get: route({
      method: 'GET',
      path: `${base}/:id`,
      summary: `Read a ${noun}`,
      tags,
      params: idParams,
      status: 200,
      response: s.view as S['view'],
      errors: RECORD_ERRORS,
    }),
    update: route({
      method: 'PATCH',
      path: `${base}/:id`,
      summary: `Change a ${noun} (send the version you read; 409 if it changed since)`,
      tags,
      params: idParams,
      body: s.updateInput as S['updateInput'],
      status: 200,
      response: writeView,
      errors: RECORD_ERRORS,
    }),
    remove: route({
      method: 'DELETE',
      path: `${base}/:id`,
      summary: `Delete a ${noun}`,
      tags,
      params: idParams,
      status: 204,
      response: noContent,
      errors: RECORD_ERRORS,
    }),
  };
}
