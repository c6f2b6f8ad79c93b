import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './errors.js';

describe('isUniqueViolation', () => {
  it.each([
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, true],
    [{ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }, true],
    [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), true],
    [{ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, false],
    [{ code: '23503' }, false],
    [{ code: 23505 }, false],
    [new Error('UNIQUE constraint failed: users.email'), false],
    ['SQLITE_CONSTRAINT_UNIQUE', false],
    [null, false],
    [undefined, false],
  ])('%o → %s (by code, never by message)', (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
