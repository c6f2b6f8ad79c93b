/**
 * The one way the web app talks to the server: {@link call} sends a route of the contract
 * (src/contract) as JSON over fetch with the session cookie, the CSRF token on writes and
 * the user's language in Accept-Language (so the server's error messages come back in it),
 * and resolves with the answer typed from the route's response schema. Errors become
 * {@link ApiError} with per-field messages. {@link useRouteQuery} reads a route through
 * the TanStack cache.
 */
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { AnswerOf, RequestOf, Route } from '../../contract/http.js';
import i18n from '../i18n';

/** Field path (`name`, `manager.email`) → message, from a VALIDATION.FAILED answer. */
export type FieldMessages = Record<string, string>;

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The per-field messages of a validation error, keyed by the field path inside the body. */
  get fields(): FieldMessages {
    const fields = this.details.fields;
    if (!Array.isArray(fields)) return {};
    const zh = i18n.language.startsWith('zh');
    const out: FieldMessages = {};
    for (const f of fields as { path?: unknown; message?: unknown; messageZh?: unknown }[]) {
      if (typeof f.path !== 'string') continue;
      const path = f.path.replace(/^(body|query|querystring|params)\./, '');
      const message = zh && typeof f.messageZh === 'string' ? f.messageZh : f.message;
      if (typeof message === 'string' && out[path] === undefined) out[path] = message;
    }
    return out;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** Remembers the session's CSRF token (from sign-in or /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server answers 401 (the session ended): show the sign-in page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** One part of a call's input: left out when the route has none, optional when it may be empty. */
type Part<K extends string, T> = [T] extends [undefined]
  ? unknown
  : object extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T };

/** What a call of `route` sends: its params, query and body, each only when the route has one. */
export type CallInput<R extends Route> = Part<'params', RequestOf<R>['params']> &
  Part<'query', RequestOf<R>['query']> &
  Part<'body', RequestOf<R>['body']>;

/** The path of `route` with its `:params` filled in. */
function pathOf(route: Route, params: unknown): string {
  const values = (params ?? {}) as Record<string, string | number>;
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

/**
 * Calls a route of the contract (src/contract); resolves with its success answer, typed from
 * the route's response schema (null for 204). Errors become {@link ApiError}.
 */
export async function call<R extends Route>(
  route: R,
  ...[input]: object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>]
): Promise<AnswerOf<R>> {
  const { params, query, body } = (input ?? {}) as { params?: unknown; query?: unknown; body?: unknown };
  const url = new URL(pathOf(route, params), window.location.origin);
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (route.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'), {});
  }
  if (response.status === 204) return null as AnswerOf<R>;
  const answer = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (
      answer as { error?: { code?: string; message?: string; details?: Record<string, unknown> } }
    )?.error;
    if (response.status === 401 && route.path !== '/api/auth/login') onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP',
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details ?? {},
    );
  }
  return answer as AnswerOf<R>;
}

/**
 * A TanStack query of one route: cached under `queryKey`, fetched with {@link call} and
 * `input`; `options` are the query's own (placeholderData, staleTime, enabled).
 */
export function useRouteQuery<R extends Route>(
  queryKey: QueryKey,
  route: R,
  input?: CallInput<R>,
  options: Pick<UseQueryOptions<AnswerOf<R>>, 'placeholderData' | 'staleTime' | 'enabled'> = {},
) {
  // `call` takes its input as optional or required by the route; here the caller's type says which.
  const send = call as (route: R, input?: CallInput<R>) => Promise<AnswerOf<R>>;
  return useQuery({ queryKey, queryFn: () => send(route, input), ...options });
}

/** One page of a list endpoint. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
