/**
 * Who is calling: every /api request is resolved to a principal (or none) before routing.
 *
 * - `Authorization: Bearer clo_…` — an API token. When the header is present it is the only
 *   credential considered (an invalid token means "not signed in", never a fallback to the
 *   cookie). Browsers never add it on their own, so such requests need no CSRF token.
 * - Cookie `closer_session` — a sign-in session. Its writes (any method but GET, HEAD and
 *   OPTIONS) must carry the session's CSRF token in `x-csrf-token`, else 403 AUTH.FORBIDDEN
 *   with details.reason 'csrf'.
 *
 * Sign-in and set-up ignore the cookie. An unknown or expired credential is not an error here: the request continues without a
 * principal and routes that need one answer 401 via {@link requirePrincipal}.
 */
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateApiToken } from '../app/auth/api-tokens.js';
import { authenticateSessionWithCsrf } from '../app/auth/sessions.js';
import type { Deps, Principal } from '../app/context.js';
import { AppError } from '../domain/errors.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'closer_session';
/** Header that carries the CSRF token of a cookie session. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Routes that act without a caller: a cookie sent along is ignored there (no CSRF check),
 * so signing in again from a browser that still holds a session is not refused.
 */
const ANONYMOUS_PATHS = new Set(['/api/auth/login', '/api/setup']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or null (set by registerAuth for /api requests). */
    principal: Principal | null;
    /** For a cookie session: its CSRF token (handed to the web app by GET /api/auth/me). */
    sessionCsrfToken: string | null;
  }
}

/** Adds cookie parsing and the per-request authentication and CSRF check to `app`. */
export async function registerAuth(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.addHook('onRequest', async (request) => {
    request.principal = null;
    request.sessionCsrfToken = null;
    if (!request.url.startsWith('/api/') && request.url !== '/api') return;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      request.principal = match?.[1] ? await authenticateApiToken(deps, match[1]) : null;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (!token || ANONYMOUS_PATHS.has(request.url.split('?')[0] ?? '')) return;
    const session = await authenticateSessionWithCsrf(deps, token);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && !sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw new AppError('AUTH.FORBIDDEN', { reason: 'csrf' });
    }
    request.principal = session.principal;
    request.sessionCsrfToken = session.csrfToken;
  });
}

/** The caller of `request`, or AUTH.UNAUTHENTICATED (401). */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH.UNAUTHENTICATED');
  return request.principal;
}

/** Constant-time comparison of a presented header with the expected secret. */
function sameSecret(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
