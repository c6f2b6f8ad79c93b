/**
 * Password hashing with scrypt (node:crypto). Stored form:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so parameters can be raised later
 * while old hashes still verify; a sign-in with a hash of weaker parameters stores a new
 * one (`needsRehash`). The parameters are OWASP's current minimum for scrypt: N = 2^17,
 * r = 8, p = 1 (about 0.3 s and 128 MiB per hash, off the event loop).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from '../../contract/auth.js';

const N = 131_072;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** Upper bounds for parameters read from a stored hash, so a bad row cannot exhaust memory. */
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keyLength: number, n: number, r: number, p: number) {
  return new Promise<Buffer>((resolve, reject) => {
    // scrypt needs 128·N·r bytes; allow that plus headroom (Node's default cap is 32 MiB).
    const maxmem = 128 * n * r * 2 + 1024 * 1024;
    scrypt(password.normalize('NFKC'), salt, keyLength, { N: n, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes `password` with a fresh random salt. Does not check the policy (see passwordSchema). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * A well-formed hash of a random password that was thrown away: nothing verifies against it.
 * Sign-in verifies against it when the email is unknown, so that costs one scrypt too and
 * timing does not tell unknown emails from wrong passwords.
 */
export const UNUSABLE_PASSWORD_HASH =
  'scrypt$131072$8$1$ejR/P3xLJtwly9kqaRPmmQ==$SUqoe6SjLqs8hnqz/pQeF3zjSA+n5QrtHgVjOKB5ZJx6Y3pUerBeQVUFM1Fg1GxZ9v5HjTSPdSkFV4UXQ3/2YA==';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function positiveInt(text: string, max: number): number | null {
  if (!/^[1-9][0-9]*$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

/**
 * True when `password` matches `stored` (constant-time comparison). Unknown or malformed
 * stored formats give false, never an exception.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, nText = '', rText = '', pText = '', saltText = '', hashText = ''] = parts;
  const n = positiveInt(nText, MAX_N);
  const r = positiveInt(rText, MAX_R);
  const p = positiveInt(pText, MAX_P);
  if (n === null || r === null || p === null || n < 2 || (n & (n - 1)) !== 0) return false;
  if (!BASE64.test(saltText) || !BASE64.test(hashText)) return false;
  const salt = Buffer.from(saltText, 'base64');
  const expected = Buffer.from(hashText, 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = await derive(password, salt, expected.length, n, r, p);
  return timingSafeEqual(actual, expected);
}

/**
 * True when `stored` was made with weaker parameters than `hashPassword` uses now (or is not
 * a hash of ours): the caller, having just verified the password, stores a new hash.
 */
export function needsRehash(stored: string): boolean {
  const [kind, nText = '', rText = '', pText = ''] = stored.split('$');
  if (kind !== 'scrypt') return true;
  const n = positiveInt(nText, MAX_N);
  const r = positiveInt(rText, MAX_R);
  const p = positiveInt(pText, MAX_P);
  return n === null || r === null || p === null || n < N || r < R || p < P;
}
