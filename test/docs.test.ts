/**
 * Keeps docs/ERRORS.md in step with the error catalog and the warning codes, docs/ARCHITECTURE.md
 * with the tree, and the decision records (docs/decisions/) dated and linked from the map.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The warning codes as written in the domain's source (WarningCode is a type, so it is read as text). */
function warningCodesInSource(): string[] {
  const read = (file: string) => readFileSync(resolve(import.meta.dirname, '..', file), 'utf8');
  const union = read('src/domain/warnings.ts').match(/export type WarningCode =([^;]+);/);
  const planCodes = [...(union?.[1] ?? '').matchAll(/'([A-Z0-9_.]+)'/g)].map((m) => m[1] ?? '');
  const visitCodes = [
    ...read('src/domain/method/meetings.ts').matchAll(/readonly code: '([A-Z0-9_.]+)'/g),
  ].map((m) => m[1] ?? '');
  return [...planCodes, ...visitCodes];
}

describe('docs/ERRORS.md warnings', () => {
  const section = doc.slice(doc.indexOf('## Warnings'));
  const documented = [...section.matchAll(/^\|\s*`([A-Z0-9_.]+)`\s*\|/gm)].map((m) => m[1] ?? '');

  it('documents every warning code and no code that does not exist', () => {
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...new Set(warningCodesInSource())].sort());
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const map = readFileSync(resolve(import.meta.dirname, '../docs/ARCHITECTURE.md'), 'utf8');

  it('names only paths that exist (globs and brace lists aside)', () => {
    const paths = [...map.matchAll(/`((?:src|test|docs|scripts)\/[^`\s]+)`/g)]
      .map((m) => (m[1] ?? '').replace(/:.*$/, ''))
      .filter((p) => !/[*{]/.test(p));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !existsSync(resolve(import.meta.dirname, '..', p)))).toEqual([]);
  });

  // A decision record nobody can reach from the map is lost; an undated one cannot be
  // placed against the code of its time.
  const decisionsDir = resolve(import.meta.dirname, '../docs/decisions');
  const records = readdirSync(decisionsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const linked = [...map.matchAll(/\]\(decisions\/([^)#\s]+)\)/g)].map((m) => m[1] ?? '');

  it('links every decision record, and only records that exist', () => {
    expect(records.length).toBeGreaterThan(0);
    expect([...new Set(linked.filter((l) => l.endsWith('.md')))].sort()).toEqual(records);
  });

  it('gives every decision record a Date line (YYYY-MM-DD)', () => {
    const undated = records.filter(
      (f) => !/^Date: \d{4}-\d{2}-\d{2}$/m.test(readFileSync(resolve(decisionsDir, f), 'utf8')),
    );
    expect(undated).toEqual([]);
  });
});
