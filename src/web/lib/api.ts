/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie,
 * the CSRF token on writes, and the user's language in Accept-Language so the server's
 * error messages come back in it. Errors become {@link ApiError} with per-field messages.
 */
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

type Query = Record<string, string | number | boolean | undefined | null>;

/** Calls the API; resolves with the parsed body (undefined for 204). */
export async function api<T>(
  method: string,
  path: string,
  options: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'), {});
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      ?.error;
    if (response.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP',
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details ?? {},
    );
  }
  return body as T;
}

/** One page of a list endpoint. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
