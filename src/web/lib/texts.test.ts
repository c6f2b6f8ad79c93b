/** The split of two-language texts into one-language resources. */
import { describe, expect, it } from 'vitest';
import { wordsIn } from './texts';

describe('wordsIn', () => {
  const texts = {
    app: { name: { zh: '成交', en: 'Closer' } },
    statuses: { lead: { zh: '线索', en: 'Lead' }, won: { zh: '成交', en: 'Won' } },
    save: { zh: '保存', en: 'Save' },
  };

  it('gives every entry its word in the language, keeping the nesting', () => {
    expect(wordsIn(texts, 'zh')).toEqual({
      app: { name: '成交' },
      statuses: { lead: '线索', won: '成交' },
      save: '保存',
    });
    expect(wordsIn(texts, 'en')).toEqual({
      app: { name: 'Closer' },
      statuses: { lead: 'Lead', won: 'Won' },
      save: 'Save',
    });
  });
});
