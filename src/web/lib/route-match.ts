/**
 * Matching a path against the app's route patterns: literal segments and `:name`
 * parameters (`/customers/:id/log-visit`). Pure (no React, no `window`), so it is tested
 * in node and the route table (`routes.tsx`) stays a list of data.
 */

/** The parameter names of a pattern: `ParamNames<'/customers/:id/log-visit'>` is `'id'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The parameters a pattern extracts, by name. */
export type ParamsOf<P extends string> = { readonly [K in ParamNames<P>]: string };

/** Parameters extracted from a path (the names are those of the pattern that matched). */
export type PathParams = Readonly<Record<string, string>>;

/** What the matcher needs of a route: its pattern and, per parameter, the values it accepts. */
export interface RoutePattern {
  readonly path: string;
  /** A parameter whose value fails its test makes the route not match (the path is a 404). */
  readonly accept?: Readonly<Record<string, RegExp>>;
}

/** A record id as the server writes it (a UUID), for `accept`. */
export const ID_PARAM = /^[0-9a-f-]{36}$/;

/**
 * The parameters of `path` under `route`'s pattern, or null when it does not match. Whole
 * segments only: `/customers/` and `/customers/x/y` do not match `/customers/:id`, and a
 * parameter is never empty.
 */
export function matchPath(route: RoutePattern, path: string): PathParams | null {
  const wanted = route.path.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const value = given[i] ?? '';
    if (!segment.startsWith(':')) {
      if (segment !== value) return null;
      continue;
    }
    const name = segment.slice(1);
    const accept = route.accept?.[name];
    if (value === '' || (accept && !accept.test(value))) return null;
    params[name] = value;
  }
  return params;
}

/** The first route of `routes` that matches `path`, with its parameters; null for none (a 404). */
export function findRoute<R extends RoutePattern>(
  routes: readonly R[],
  path: string,
): { readonly route: R; readonly params: PathParams } | null {
  for (const route of routes) {
    const params = matchPath(route, path);
    if (params) return { route, params };
  }
  return null;
}
