/** Keeps docs/ERRORS.md and the error catalog in step. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../src/domain/errors.js';

const doc = readFileSync(resolve(import.meta.dirname, '../docs/ERRORS.md'), 'utf8');

describe('docs/ERRORS.md', () => {
  const rows = [...doc.matchAll(/^\|\s*`([A-Z0-9_.]+)`\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/gm)].map((m) => ({
    code: m[1],
    http: Number(m[2]),
    exit: Number(m[3]),
  }));

  it('lists exactly the codes of the catalog', () => {
    expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(ERROR_CATALOG).sort());
  });

  it('gives each code the HTTP status and exit code of the catalog', () => {
    for (const row of rows) {
      const spec = ERROR_CATALOG[row.code as keyof typeof ERROR_CATALOG];
      expect({ code: row.code, http: row.http, exit: row.exit }).toEqual({
        code: row.code,
        http: spec.http,
        exit: spec.exit,
      });
    }
  });

  it('has a message in both languages for every code', () => {
    for (const spec of Object.values(ERROR_CATALOG)) {
      expect(spec.zh.length).toBeGreaterThan(0);
      expect(spec.en.length).toBeGreaterThan(0);
    }
  });
});
