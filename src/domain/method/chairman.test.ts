import { describe, expect, it } from 'vitest';
import { chairmanVerdict, defaultNextVisitGoal } from './chairman.js';

describe('chairmanVerdict', () => {
  it.each([
    ['yes', 'yes', 'key_person'],
    ['yes', 'no', 'champion'],
    ['yes', 'unsure', 'champion'],
    ['no', 'yes', 'neither'],
    ['unsure', 'yes', 'neither'],
    ['no', 'no', 'neither'],
    ['unsure', 'unsure', 'neither'],
  ] as const)('would choose first %s, chairman follows advice %s → %s', (first, follows, verdict) => {
    expect(chairmanVerdict(first, follows)).toBe(verdict);
  });

  it('has a next-visit goal for every verdict in both languages', () => {
    expect(defaultNextVisitGoal('champion', 'en')).toBe(
      'Meet the chairman together and convey the value to the chairman',
    );
    expect(defaultNextVisitGoal('champion', 'zh')).toContain('董事长');
    expect(defaultNextVisitGoal('neither', 'en')).toContain('real key person');
    expect(defaultNextVisitGoal('key_person', 'zh')).toContain('签约');
  });
});
