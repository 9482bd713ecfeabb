import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/comments/schemas';
import { displayNameSchema, emailSchema, passwordSchema, registerSchema, signInSchema } from './schemas';

const valid = { email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse' };

function registerErrors(input: unknown): Record<string, string> {
  const result = registerSchema.safeParse(input);
  if (result.success) return expect.unreachable(`accepted ${JSON.stringify(input)}`);
  return fieldErrors(result.error);
}

describe('registerSchema', () => {
  it('accepts a registration, trimming and lower-casing the email and trimming the name', () => {
    expect(
      registerSchema.parse({ email: '  Ada@Example.COM ', name: '  Ada Lovelace ', password: 'correct horse' }),
    ).toEqual({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      password: 'correct horse',
    });
  });

  it('keeps the password exactly as typed, spaces included', () => {
    expect(registerSchema.parse({ ...valid, password: '  spaced  ' }).password).toBe('  spaced  ');
  });

  it('names each missing field in its message', () => {
    const errors = registerErrors({});
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password']);
    expect(errors.email).toMatch(/email/i);
    expect(errors.name).toMatch(/name/i);
    expect(errors.password).toMatch(/password/i);
  });

  it.each([
    ['email', '', /email/i],
    ['email', '   ', /email/i],
    ['email', 'not-an-email', /valid email/i],
    ['email', `${'a'.repeat(250)}@example.com`, /email must be at most 254/i],
    ['name', '', /name/i],
    ['name', '   ', /name/i],
    ['name', 'n'.repeat(81), /name must be at most 80/i],
    ['name', 'Ada\u0000', /name must not contain control characters/i],
    ['name', 'Eve\nSecond line', /name must not contain control characters or line breaks/i],
    ['name', 'Ada\tLovelace', /name must not contain control characters/i],
    ['name', '\u202eevE', /name must not contain marks that change the direction of text/i],
    ['name', 'Eve \u2067x\u2069', /direction of text/i],
    ['name', '\u200b', /enter the name to show with your comments/i],
    ['name', '\u00a0\u200b\u2060', /enter the name to show with your comments/i],
    ['password', '', /password/i],
    ['password', '1234567', /password must be at least 8/i],
    ['password', 'p'.repeat(73), /password must be at most 72 characters/i],
    // 25 characters of three bytes each: past what bcrypt reads.
    ['password', '密'.repeat(25), /fewer with accented letters, emoji or other scripts \(72 bytes\)/i],
  ])('refuses %s %j with a message naming the field', (field, value, message) => {
    const errors = registerErrors({ ...valid, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('accepts the boundaries: an 80-character name and an 8-character password', () => {
    expect(registerSchema.parse({ ...valid, name: 'n'.repeat(80) }).name).toHaveLength(80);
    expect(registerSchema.parse({ ...valid, password: '12345678' }).password).toBe('12345678');
    expect(registerSchema.parse({ ...valid, password: 'p'.repeat(72) }).password).toHaveLength(72);
    expect(registerSchema.parse({ ...valid, password: '密'.repeat(24) }).password).toHaveLength(24);
  });

  it('refuses fields it does not know, such as a role', () => {
    expect(registerErrors({ ...valid, role: 'admin' })).toEqual({ role: 'Unknown field "role".' });
  });
});

describe('the field schemas', () => {
  it('lower-case and trim emails', () => {
    expect(emailSchema.parse(' GRACE@Navy.MIL ')).toBe('grace@navy.mil');
  });

  it('trim display names, and take names in any script, emoji sequences included', () => {
    expect(displayNameSchema.parse('\tGrace Hopper ')).toBe('Grace Hopper');
    expect(displayNameSchema.parse('مريم')).toBe('مريم');
    expect(displayNameSchema.parse('मीरा')).toBe('मीरा');
    expect(displayNameSchema.parse('Ana 👩\u200d💻')).toBe('Ana 👩\u200d💻');
  });

  it('do not trim passwords', () => {
    expect(passwordSchema.parse(' 12345678 ')).toBe(' 12345678 ');
  });

  it('sign in with any non-empty password, normalizing the email like registration does', () => {
    expect(signInSchema.parse({ email: ' Ada@Example.com', password: 'x' })).toEqual({
      email: 'ada@example.com',
      password: 'x',
    });
    expect(signInSchema.safeParse({ email: 'ada@example.com', password: '' }).success).toBe(false);
  });
});
