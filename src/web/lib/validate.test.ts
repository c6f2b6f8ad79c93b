/**
 * The web forms' own checks (set-up, new customer, add member) say what the API says: a
 * sentence about the field in the user's language, never zod's text.
 */
import { describe, expect, it } from 'vitest';
import { createMemberInput, initWorkspaceInput } from '../../contract/auth.js';
import { createCustomerInput } from '../../contract/customers.js';
import { validate } from './validate.js';

const fieldsOf = (result: ReturnType<typeof validate>) => (result.ok ? {} : result.fields);

describe('validate (web forms)', () => {
  it('names the field of the set-up form in both languages', () => {
    const input = {
      workspace: { name: '' },
      manager: { email: 'not-an-email', name: '', password: '1234567' },
    };
    expect(fieldsOf(validate(initWorkspaceInput, input, 'zh', 'setup'))).toEqual({
      'workspace.name': '请填写工作区名称',
      'manager.email': '请填写有效的邮箱（例如 name@example.com）',
      'manager.name': '请填写您的姓名',
      'manager.password': '密码至少 8 个字符',
    });
    expect(fieldsOf(validate(initWorkspaceInput, input, 'en', 'setup'))).toEqual({
      'workspace.name': 'Enter the workspace name',
      'manager.email': 'Enter a valid email (such as name@example.com)',
      'manager.name': 'Enter your name',
      'manager.password': 'Password must be at least 8 characters',
    });
  });

  it("names the customer's and the member's fields by what the form is about", () => {
    expect(fieldsOf(validate(createCustomerInput, { name: '  ' }, 'zh', 'customers'))).toEqual({
      name: '请填写客户名称',
    });
    expect(
      fieldsOf(
        validate(
          createMemberInput,
          { email: 'a@b.cn', name: '', password: 'x'.repeat(8), role: 'assistant' },
          'zh',
          'members',
        ),
      ),
    ).toEqual({ name: '请填写姓名', duty: '助理需要选择职责', worksFor: '助理需要选择协助的业务员' });
  });
});
