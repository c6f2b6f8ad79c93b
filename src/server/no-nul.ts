/**
 * Refuses a NUL character (U+0000) anywhere in a request's path parameters, query or JSON
 * body, before validation: PostgreSQL cannot store one in text (the query fails), SQLite
 * would keep an invisible character, and no person types one. The answer is the usual
 * VALIDATION.FAILED naming each field.
 */

/** Deeper than any body of ours: a hostile nesting stops being walked here. */
const MAX_DEPTH = 32;

/**
 * The paths (`body.name`, `body.answers.0.answer`, `query.q`, `params.id`) of the strings,
 * and of the object keys, in `value` that hold a NUL.
 */
export function nulPaths(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || Buffer.isBuffer(value)) return [];
  const out: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (key.includes('\u0000')) out.push(at);
    else out.push(...nulPaths(inner, at, depth + 1));
  }
  return out;
}
