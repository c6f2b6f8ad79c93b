import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, rebase } from './edits';

describe('changedFields', () => {
  it.each([
    [{ a: 'x', b: null }, { a: 'x', b: null }, {}],
    [{ a: 'x', b: null }, { a: 'y', b: null }, { a: 'y' }],
    [{ a: 'x', b: 'z' }, { a: 'x', b: null }, { b: null }],
    [{ a: false }, { a: true }, { a: true }],
  ])('%o → %o sends %o', (base, edited, expected) => {
    expect(changedFields(base, edited)).toEqual(expected);
  });
});

describe('rebase', () => {
  const read = { city: '富阳', class: 'new', company: null, notes: 'n' };

  it('keeps the user’s changes and takes everyone else’s', () => {
    const latest = { ...read, city: '桐庐', notes: 'theirs' };
    const edited = { ...read, class: 'A', notes: 'mine' };
    expect(rebase(read, latest, edited)).toEqual({
      values: { city: '桐庐', class: 'A', company: null, notes: 'mine' },
      theirs: ['city'],
      clashes: ['notes'],
    });
  });

  it('does not call the same change on both sides a clash', () => {
    const latest = { ...read, city: '临安' };
    const edited = { ...read, city: '临安' };
    expect(rebase(read, latest, edited)).toEqual({ values: latest, theirs: [], clashes: [] });
  });

  const record = fc.record({
    a: fc.constantFrom('x', 'y', null),
    b: fc.constantFrom('x', 'y', null),
    c: fc.boolean(),
  });

  it('never undoes a change of theirs that the user did not touch, never drops one of the user’s', () => {
    fc.assert(
      fc.property(record, record, record, (r, latest, edited) => {
        const { values } = rebase(r, latest, edited);
        const sent = changedFields(latest, values);
        for (const key of ['a', 'b', 'c'] as const) {
          // What saving again would write, applied on top of the latest record.
          const after = key in sent ? sent[key] : latest[key];
          if (edited[key] !== r[key]) expect(after).toBe(edited[key]);
          else expect(after).toBe(latest[key]);
        }
      }),
    );
  });
});
