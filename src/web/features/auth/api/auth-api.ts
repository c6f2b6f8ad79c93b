/** Sign-in, sign-out, set-up and the caller, over the API. */
import { useQuery } from '@tanstack/react-query';
import { authRoutes, type InitWorkspaceInput, type Me } from '../../../../contract/auth.js';
import { ApiError, call, setCsrfToken } from '../../../lib/api';
import { authKeys } from './auth-keys';

export type { Me };

/**
 * A hint (not a credential: the session cookie is httpOnly) that this browser signed in,
 * so a fresh visitor is shown the sign-in page without first asking /api/auth/me for a 401.
 */
const SIGNED_IN = 'closer.signedIn';

/** Forgets the hint (after sign-out or a 401). */
export function forgetSignedIn(): void {
  window.localStorage.removeItem(SIGNED_IN);
}

/** The caller, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async (): Promise<Me | null> => {
      if (!window.localStorage.getItem(SIGNED_IN)) return null;
      try {
        const me = await call(authRoutes.me);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          forgetSignedIn();
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Signs in (sets the session cookie) and keeps the CSRF token. */
export async function login(email: string, password: string): Promise<void> {
  const result = await call(authRoutes.login, { body: { email, password } });
  setCsrfToken(result.csrfToken);
  window.localStorage.setItem(SIGNED_IN, '1');
}

/** Creates the workspace and its manager (first run only). */
export async function setUp(input: InitWorkspaceInput): Promise<void> {
  await call(authRoutes.setup, { body: input });
}

/** Ends the session. */
export async function logout(): Promise<void> {
  forgetSignedIn();
  await call(authRoutes.logout);
  setCsrfToken(null);
}
