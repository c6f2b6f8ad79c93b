import { describe, expect, it } from 'vitest';
import { isQualified, qualificationGaps } from './qualification.js';

describe('qualification', () => {
  it('is qualified only with a key person who is willing and able to pay', () => {
    expect(isQualified({ kpContactId: 'c1', willingToSign: 'yes', ableToPay: 'yes' })).toBe(true);
    expect(qualificationGaps({ kpContactId: null, willingToSign: 'unknown', ableToPay: 'no' })).toEqual([
      'key_person',
      'willing_to_sign',
      'able_to_pay',
    ]);
    expect(qualificationGaps({ kpContactId: 'c1', willingToSign: 'yes', ableToPay: 'unknown' })).toEqual([
      'able_to_pay',
    ]);
  });
});
