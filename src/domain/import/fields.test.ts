import { describe, expect, it } from 'vitest';
import { matchHeaders, normaliseHeader, parseMappingSpec } from './fields.js';

const fieldsOf = (headers: string[], type: Parameters<typeof matchHeaders>[1]) =>
  matchHeaders(headers, type).columns.map((c) => c.field);

describe('matchHeaders', () => {
  it("reads an English company column as the company when a name column gives the customer's name", () => {
    expect(fieldsOf(['name', 'company', 'city'], 'customers')).toEqual(['name', 'company', 'city']);
    expect(fieldsOf(['company', 'city'], 'customers')).toEqual(['name', 'city']);
    expect(fieldsOf(['Company', 'Company Name'], 'customers')).toEqual(['name', 'company']);
    expect(fieldsOf(['customer', 'company', 'name'], 'contacts')).toEqual(['customer', 'company', 'name']);
  });

  // The export headers of HubSpot, Salesforce, Pipedrive and 销售易, and our own Chinese ones.
  it.each([
    [
      'Chinese customer headers',
      ['客户名称', '城市', '客户级别', '负责人', '备注', '不认识'],
      'customers',
      ['name', 'city', 'class', 'owner', 'notes', null],
    ],
    [
      'Salesforce account headers',
      ['Account Name', 'Billing City', 'Account Owner', 'Lead Source'],
      'customers',
      ['name', 'city', 'owner', 'source'],
    ],
    [
      'HubSpot deal headers',
      ['Deal Name', 'Amount', 'Close Date', 'Deal owner', 'Associated Company'],
      'deals',
      [null, 'amount', 'signedOn', 'owner', 'customer'],
    ],
    [
      'Salesforce opportunity headers',
      ['Opportunity Owner', 'Account Name', 'Amount', 'Close Date'],
      'deals',
      ['owner', 'customer', 'amount', 'signedOn'],
    ],
    [
      'Pipedrive deal headers',
      ['Deal - Organization', 'Deal - Value', 'Deal - Currency', 'Deal - Won time'],
      'deals',
      ['customer', 'amount', 'currency', 'signedOn'],
    ],
    [
      '销售易 deal headers',
      ['客户名称', '合同金额（元）', '结单日期', '销售负责人'],
      'deals',
      ['customer', 'amount', 'signedOn', 'owner'],
    ],
  ] as const)('maps %s', (_, headers, type, fields) => {
    expect(fieldsOf([...headers], type)).toEqual(fields);
  });

  it('names the missing required columns; a contact name may come as first + last name', () => {
    expect(matchHeaders(['金额'], 'deals').missing).toEqual(['customer']);
    expect(matchHeaders(['First Name', 'Last Name', 'Company Name'], 'contacts').missing).toEqual([]);
    expect(matchHeaders(['联系人', '电话'], 'contacts').missing).toEqual(['customer']);
  });

  it('fills a field from its first column only and ignores the error column of an error file', () => {
    expect(fieldsOf(['电话', '手机', '客户', '联系人', '错误'], 'contacts')).toEqual([
      'phone',
      null,
      'customer',
      'name',
      null,
    ]);
  });

  it('lets an explicit mapping win, by header or column number', () => {
    const spec = parseMappingSpec('甲=name,#2=city,备注=-', 'customers');
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    expect(matchHeaders(['甲', '乙', '备注'], 'customers', spec.mapping).columns.map((c) => c.field)).toEqual(
      ['name', 'city', null],
    );
    expect(parseMappingSpec('甲=phone', 'customers')).toEqual({ ok: false, problem: '甲=phone' });
  });

  it('normalises headers', () => {
    expect(normaliseHeader(' *客户名称（必填）：')).toBe('客户名称');
    expect(normaliseHeader('Deal  -  Value')).toBe(normaliseHeader('deal-value'));
    expect(normaliseHeader('ＥＭＡＩＬ')).toBe('email');
  });
});
