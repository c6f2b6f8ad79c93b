/**
 * `closer today` speaks the user's language: follow-up kinds and customer classes come out
 * as the label catalog's words, never as the codes `--json` carries (`after_sales`, `new`).
 */
import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/domain/labels.js';
import { runCli, withDemo } from './harness/cli.js';

const NOW = '2026-11-27T02:00:00Z';

async function run(args: string[]) {
  const { code, stdout } = await runCli(args, { now: NOW });
  return { code, out: stdout };
}

/** Codes that are not words of either language: they must never be printed. */
const CODES = [
  ...new Set(
    [LABELS.followUpKind, LABELS.customerClass].flatMap((set) =>
      Object.entries(set)
        .filter(([code, label]) => code !== label.en && code !== label.zh)
        .map(([code]) => code),
    ),
  ),
];

describe('closer today in words', () => {
  const demo = withDemo('closer-words-', NOW);

  for (const user of ['manager@demo.closer', 'lead@demo.closer']) {
    for (const lang of ['zh', 'en'] as const) {
      it(`shows follow-up kinds and classes as words for ${user} in ${lang}`, async () => {
        const view = JSON.parse(
          (await run(['today', '--data-dir', demo.dir, '--user', user, '--json'])).out,
        ) as {
          followUps: { kind: string }[];
          suggestions: { class: string }[];
        };
        const text = await run(['today', '--data-dir', demo.dir, '--user', user, '--lang', lang]);
        expect(text.code).toBe(0);
        const kinds = new Set(view.followUps.slice(0, 10).map((f) => f.kind));
        expect(kinds.size).toBeGreaterThan(0);
        for (const kind of kinds) {
          const label = (LABELS.followUpKind as Record<string, { zh: string; en: string }>)[kind];
          expect(label, kind).toBeDefined();
          expect(text.out).toContain(label?.[lang]);
        }
        // In English, `concern` or `new` may be plain words of a sentence; identifiers never are.
        for (const code of CODES.filter((c) => lang === 'zh' || c.includes('_'))) {
          expect(text.out).not.toMatch(new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`));
        }
        if (lang === 'zh') {
          // Nothing in Chinese output is an English identifier.
          expect(text.out).not.toMatch(/[a-z]+_[a-z]+/);
        }
      });
    }
  }

  it('names the class segments of closer progress in words', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = await run([
        'progress',
        '--data-dir',
        demo.dir,
        '--dimension',
        'classes',
        '--level',
        'quarters',
        '--lang',
        lang,
      ]);
      expect(text.code).toBe(0);
      expect(text.out).toContain(LABELS.customerClass.new[lang]);
      expect(text.out).not.toMatch(/(^|\s)new(\s|$)/m);
    }
  });
});
