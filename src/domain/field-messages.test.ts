import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findFieldLabel, issueSentence } from './field-messages.js';

const ZOD_TEXT =
  /Too (small|big)|Invalid|expected (string|number|boolean|array|object)|, received|>=|<=|期望|无效|数值过|未知的键/;

describe('issueSentence', () => {
  const cases: [string, z.ZodType, unknown, string, string][] = [
    ['blank text', z.object({ name: z.string().min(1) }), { name: '' }, '请填写名称', 'Enter the name'],
    ['missing', z.object({ email: z.string() }), {}, '请填写邮箱', 'Enter the email'],
    [
      'short',
      z.object({ password: z.string().min(8) }),
      { password: 'abc' },
      '密码至少 8 个字符',
      'Password must be at least 8 characters',
    ],
    [
      'long',
      z.object({ city: z.string().max(3) }),
      { city: 'abcd' },
      '城市最多 3 个字符',
      'City can be at most 3 characters',
    ],
    ['type', z.object({ amount: z.number() }), { amount: 'x' }, '金额必须是数字', 'Amount must be a number'],
    [
      'positive',
      z.object({ amount: z.int().positive() }),
      { amount: 0 },
      '金额必须大于 0',
      'Amount must be more than 0',
    ],
    [
      'email',
      z.object({ email: z.email() }),
      { email: 'x' },
      '请填写有效的邮箱（例如 name@example.com）',
      'Enter a valid email (such as name@example.com)',
    ],
    [
      'date',
      z.object({ dueOn: z.iso.date() }),
      { dueOn: '2026-02-30' },
      '到期日必须是日期，写成 2026-03-01 这样',
      'Due date must be a date like 2026-03-01',
    ],
    [
      'list',
      z.object({ tags: z.array(z.string()).max(1) }),
      { tags: ['a', 'b'] },
      '标签最多 1 项',
      'Tags can have at most 1 item',
    ],
    [
      'enum',
      z.object({ role: z.enum(['a', 'b']) }),
      { role: 'c' },
      '角色只能是 a、b 之一',
      'Role must be one of a, b',
    ],
    ['unknown key', z.strictObject({}), { x: 1 }, '不能填写“x”（没有这一项）', '"x" is not a field here'],
    [
      'own check',
      z.object({ n: z.number().refine((v) => v > 1, { message: 'Too few', params: { zh: '太少' } }) }),
      { n: 1 },
      '太少',
      'Too few',
    ],
  ];
  it.each(cases)('%s', (_name, schema, input, zh, en) => {
    const result = schema.safeParse(input, { reportInput: true });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as never;
    expect(issueSentence(issue, 'zh')).toBe(zh);
    expect(issueSentence(issue, 'en')).toBe(en);
  });

  it('names the field by the subject: a customer name, a member name, a workspace name', () => {
    expect(findFieldLabel(['name'], 'customers')?.zh).toBe('客户名称');
    expect(findFieldLabel(['name'], 'members')?.zh).toBe('姓名');
    expect(findFieldLabel(['workspace', 'name'], 'setup')?.zh).toBe('工作区名称');
    expect(findFieldLabel(['title'], 'seminars')).toEqual({ zh: '会销名称', en: 'seminar name' });
    expect(findFieldLabel(['title'], 'contacts')?.zh).toBe('职务');
    expect(findFieldLabel(['tags', 0])?.en).toBe('tags');
    expect(findFieldLabel(['noSuchField'])).toBeNull();
  });

  it('never says zod text and always names a known field, for any input', () => {
    const schema = z.strictObject({
      name: z.string().trim().min(1).max(20),
      email: z.string().pipe(z.email()).optional(),
      password: z.string().min(8).max(200).optional(),
      amountMinor: z.int().min(0).optional(),
      dueOn: z.iso.date().optional(),
      tags: z.array(z.string().min(1)).max(3).optional(),
      role: z.enum(['manager', 'lead']).optional(),
    });
    const keys = Object.keys(schema.shape);
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, 'extra'), value), (input) => {
        const result = schema.safeParse(input, { reportInput: true });
        for (const issue of result.error?.issues ?? []) {
          for (const lang of ['zh', 'en'] as const) {
            const text = issueSentence(issue as never, lang);
            expect(text).not.toMatch(ZOD_TEXT);
            const label = findFieldLabel(issue.path);
            if (issue.code === 'unrecognized_keys') expect(text).toContain('extra');
            else expect(text.toLowerCase()).toContain(label?.[lang].toLowerCase());
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
