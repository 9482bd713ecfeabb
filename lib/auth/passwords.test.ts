import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, parseHashCost, PasswordSetupError, verifyPassword } from './passwords';

describe('parseHashCost', () => {
  it('is 10 unless set', () => {
    expect(parseHashCost(undefined)).toBe(10);
    expect(parseHashCost('')).toBe(10);
    expect(parseHashCost(' 12 ')).toBe(12);
    expect(parseHashCost('4')).toBe(4);
  });

  it('names the variable and the allowed range when the value is wrong', () => {
    for (const wrong of ['3', '16', '10.5', 'ten', '-1']) {
      expect(() => parseHashCost(wrong)).toThrow(PasswordSetupError);
      expect(() => parseHashCost(wrong)).toThrow(/PASSWORD_HASH_COST must be a whole number from 4 to 15/);
    }
  });
});

describe('password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
  });

  it('keep the cost they were made with, so a hash made at another cost still verifies', async () => {
    const cheap = bcrypt.hashSync('made on a test server', 4);
    expect(bcrypt.getRounds(cheap)).toBe(4);
    expect(await verifyPassword('made on a test server', cheap)).toBe(true);
  });
});
