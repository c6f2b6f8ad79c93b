import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  passwordSchema,
  UNUSABLE_PASSWORD_HASH,
  verifyPassword,
} from './passwords.js';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt parameters, a 16-byte salt and a 64-byte key, never the password', async () => {
    const stored = await hashPassword('correct horse');
    const match = /^scrypt\$131072\$8\$1\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
    expect(match).not.toBeNull();
    expect(Buffer.from(match?.[1] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(match?.[2] ?? '', 'base64')).toHaveLength(64);
    expect(stored).not.toContain('correct horse');
  });

  it('has a well-formed unusable hash for unknown emails (so verifying it really runs scrypt)', async () => {
    expect(UNUSABLE_PASSWORD_HASH).toMatch(
      /^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/,
    );
    expect(await verifyPassword('', UNUSABLE_PASSWORD_HASH)).toBe(false);
  });

  it("asks for a new hash of a password stored with weaker parameters, not of one at today's", async () => {
    expect(needsRehash(await hashPassword('correct horse'))).toBe(false);
    expect(needsRehash(UNUSABLE_PASSWORD_HASH)).toBe(false);
    expect(needsRehash('scrypt$16384$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5aw==')).toBe(true);
    expect(needsRehash('bcrypt$whatever')).toBe(true);
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('销售冠军2026!');
    expect(await verifyPassword('销售冠军2026!', stored)).toBe(true);
    expect(await verifyPassword('销售冠军2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats canonically equal Unicode spellings as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-caf\u00e9');
    expect(await verifyPassword('cafe\u0301-cafe\u0301', stored)).toBe(true);
  });

  it('verifies hashes made with other scrypt parameters (they can be raised later)', async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('older password', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('older password', stored)).toBe(true);
    expect(await verifyPassword('other password', stored)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['bcrypt', '$2b$10$abcdefghijklmnopqrstuuJ4yU1p8bH6m0fZ3Rz0h2lYp8Yb1c2d'],
    ['plain text', 'password123'],
    ['missing part', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA=='],
    ['extra part', 'scrypt$16384$8$1$AAAA$AAAA$AAAA'],
    [
      'other algorithm',
      'argon2$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ],
    [
      'N not a power of two',
      'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ],
    [
      'N too large',
      'scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ],
    ['negative r', 'scrypt$16384$-8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['not base64', 'scrypt$16384$8$1$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['key too short', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
  ])('refuses an unknown or malformed stored format (%s) with false', async (_name, stored) => {
    expect(await verifyPassword('password123', stored)).toBe(false);
  });
});

describe('passwordSchema', () => {
  it.each([
    [7, false],
    [8, true],
    [200, true],
    [201, false],
  ])('a password of %i characters is accepted: %s', (length, ok) => {
    expect(passwordSchema.safeParse('x'.repeat(length)).success).toBe(ok);
  });
});
