/**
 * The shape of every error answer of the API, and the helper the routes use to declare
 * which error statuses a route can answer with. Its own module (not app.ts) so the route
 * modules, which app.ts imports, never import app.ts back.
 */
import { z } from 'zod';

/** The shape of every error answer. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'ErrorBody' });

/** An error answer's body. */
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * The `response` entries for a route's error statuses, each the error body:
 * `{ 200: view, ...errorResponses(400, 401, 404) }`.
 */
export function errorResponses<const S extends readonly number[]>(
  ...statuses: S
): { readonly [K in S[number]]: typeof errorBodySchema } {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as {
    readonly [K in S[number]]: typeof errorBodySchema;
  };
}
