import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  COMMENT_MAX_LENGTH,
  commentBodySchema,
  commentIdSchema,
  editCommentSchema,
  fieldErrors,
  guestWebsiteSchema,
  newCommentSchema,
} from './schemas';

/** The field → message map a refusal produces (fails the test if the input was accepted). */
function errorsFor(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return expect.unreachable(`accepted ${JSON.stringify(input)?.slice(0, 60)}`);
  return fieldErrors(result.error);
}

describe('commentBodySchema', () => {
  it('trims the body', () => {
    expect(commentBodySchema.parse('  \n hello \t\n ')).toBe('hello');
  });

  it.each([[''], ['   '], ['\n\n\t'], ['\r\n']])('refuses an empty body %j with "Write a comment…"', (body) => {
    expect(errorsFor(newCommentSchema, { body })).toEqual({ body: 'Write a comment before publishing.' });
  });

  it.each([['\u200b\u200b\u200b'], ['\u200d \u2060'], ['\u00a0\ufeff'], ['\u3000']])(
    'refuses a body %j of only invisible characters as empty',
    (body) => {
      expect(errorsFor(newCommentSchema, { body })).toEqual({ body: 'Write a comment before publishing.' });
    },
  );

  it('keeps invisible characters inside a comment with something to read', () => {
    expect(commentBodySchema.parse('a\u200bb')).toBe('a\u200bb');
    expect(commentBodySchema.parse('👍🏽')).toBe('👍🏽');
    // An emoji newer than the runtime's Unicode tables, a private-use icon: something to see.
    expect(commentBodySchema.parse('\u{1FAE9}')).toBe('\u{1FAE9}');
    expect(commentBodySchema.parse('\ue000')).toBe('\ue000');
  });

  it('asks for a missing body, and says a body that is not text must be', () => {
    expect(errorsFor(newCommentSchema, {})).toEqual({ body: 'Write a comment before publishing.' });
    expect(errorsFor(newCommentSchema, { body: 42 })).toEqual({ body: 'Comment must be text.' });
  });

  it('accepts exactly 10,000 characters and refuses 10,001, naming the limit', () => {
    expect(COMMENT_MAX_LENGTH).toBe(10_000);
    expect(commentBodySchema.parse('x'.repeat(10_000))).toHaveLength(10_000);
    expect(errorsFor(newCommentSchema, { body: 'x'.repeat(10_001) })).toEqual({
      body: 'Comment must be at most 10,000 characters.',
    });
  });

  it('measures the length after trimming and line-ending normalization', () => {
    expect(commentBodySchema.parse(`  ${'x'.repeat(10_000)}  `)).toHaveLength(10_000);
    expect(commentBodySchema.parse(`${'x'.repeat(4_999)}\r\n${'y'.repeat(5_000)}`)).toHaveLength(10_000);
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['backspace', '\u0008'],
    ['vertical tab', '\u000b'],
    ['form feed', '\u000c'],
    ['escape', '\u001b'],
    ['unit separator', '\u001f'],
    ['delete', '\u007f'],
  ])('refuses a %s control character', (_, character) => {
    expect(errorsFor(newCommentSchema, { body: `a${character}b` })).toEqual({
      body: 'Comment must not contain control characters.',
    });
  });

  it('allows newlines and tabs', () => {
    expect(commentBodySchema.parse('line one\n\tindented\nline three')).toBe('line one\n\tindented\nline three');
  });

  it('normalizes CRLF and lone CR to LF', () => {
    expect(commentBodySchema.parse('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });

  it('allows any other Unicode, emoji included', () => {
    expect(commentBodySchema.parse('Привет, 世界 👋 — “quotes”')).toBe('Привет, 世界 👋 — “quotes”');
  });
});

describe('newCommentSchema', () => {
  it('accepts a minimal comment and a full guest reply, coercing parentId', () => {
    expect(newCommentSchema.parse({ body: ' hi ' })).toEqual({ body: 'hi' });
    expect(
      newCommentSchema.parse({
        body: 'reply',
        parentId: '12',
        name: ' Guest ',
        email: ' Guest@Example.COM ',
        website: ' https://guest.example/ ',
      }),
    ).toEqual({
      body: 'reply',
      parentId: 12,
      name: 'Guest',
      email: 'guest@example.com',
      website: 'https://guest.example/',
    });
  });

  it('treats blank optional fields as absent', () => {
    expect(newCommentSchema.parse({ body: 'x', name: '  ', email: '', website: ' ', parentId: undefined })).toEqual({
      body: 'x',
    });
  });

  it('refuses an unknown field by name', () => {
    expect(errorsFor(newCommentSchema, { body: 'x', status: 'published' })).toEqual({
      status: 'Unknown field "status".',
    });
    expect(errorsFor(editCommentSchema, { body: 'x', authorId: 'someone' })).toEqual({
      authorId: 'Unknown field "authorId".',
    });
  });

  it.each([['abc'], [0], [-1], [1.5]])('refuses parentId %j', (parentId) => {
    expect(errorsFor(newCommentSchema, { body: 'x', parentId })).toEqual({
      parentId: 'parentId must be a comment id.',
    });
  });

  it('checks the guest name and email', () => {
    expect(errorsFor(newCommentSchema, { body: 'x', name: 'n'.repeat(81) })).toEqual({
      name: 'Name must be at most 80 characters.',
    });
    expect(errorsFor(newCommentSchema, { body: 'x', name: 'a\u0007b' })).toEqual({
      name: 'Name must not contain control characters or line breaks.',
    });
    expect(errorsFor(newCommentSchema, { body: 'x', email: 'not-an-email' })).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
    });
  });
});

describe('guestWebsiteSchema', () => {
  it.each([['https://example.com'], ['http://example.com/path?q=1'], ['  https://example.com  ']])(
    'accepts %j',
    (website) => {
      expect(guestWebsiteSchema.parse(website)).toBe(website.trim());
    },
  );

  it.each([
    ['example.com', 'https://example.com'],
    [' www.example.com/about ', 'https://www.example.com/about'],
    ['example.com:8080/blog', 'https://example.com:8080/blog'],
  ])('takes %j, written without a scheme, as %j', (website, taken) => {
    expect(guestWebsiteSchema.parse(website)).toBe(taken);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,hi'],
    ['ftp://example.com'],
    ['mailto:a@example.com'],
    ['http://'],
    ['exa mple.com'],
    ['localhost:3000'],
    ['user@example.com'],
  ])('refuses %j: only web addresses', (website) => {
    expect(errorsFor(newCommentSchema, { body: 'x', website })).toEqual({
      website: 'Website must be a web address, like example.com or https://example.com/about.',
    });
  });

  it('refuses an address longer than 200 characters', () => {
    expect(errorsFor(newCommentSchema, { body: 'x', website: `https://example.com/${'a'.repeat(200)}` })).toEqual({
      website: 'Website must be at most 200 characters.',
    });
  });
});

describe('fields sent as null or as something other than text', () => {
  it('takes null for an optional field as not given, and names a field sent as the wrong kind', () => {
    expect(newCommentSchema.parse({ body: 'hi', email: null, website: null, name: null, parentId: null })).toEqual({
      body: 'hi',
    });
    expect(errorsFor(newCommentSchema, { body: 5 })).toEqual({ body: 'Comment must be text.' });
    expect(errorsFor(newCommentSchema, { body: null })).toEqual({ body: 'Write a comment before publishing.' });
    expect(errorsFor(editCommentSchema, { body: ['x'] })).toEqual({ body: 'Comment must be text.' });
    expect(errorsFor(newCommentSchema, { body: 'hi', website: 5 })).toEqual({
      website: 'Website must be a web address, like example.com or https://example.com/about.',
    });
    expect(errorsFor(newCommentSchema, { body: 'hi', email: 5 })).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
    });
  });
});

describe('commentIdSchema', () => {
  it('accepts positive integers, from strings too, and nothing else', () => {
    expect(commentIdSchema.parse('42')).toBe(42);
    expect(commentIdSchema.parse(7)).toBe(7);
    for (const bad of ['x', '0', '-3', '1.5', '']) expect(commentIdSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses what Number() would read as another comment’s id: hex, exponents, spaces, true, a list', () => {
    for (const bad of ['0x10', '1e3', ' 5 ', '5 ', true, [7], null]) {
      expect(commentIdSchema.safeParse(bad).error?.issues[0]?.message, String(bad)).toBe(
        'Not a comment id: a comment id is a whole number from 1 up.',
      );
    }
    expect(errorsFor(newCommentSchema, { body: 'x', parentId: '0x10' })).toEqual({
      parentId: 'parentId must be a comment id.',
    });
    expect(errorsFor(newCommentSchema, { body: 'x', parentId: true })).toEqual({
      parentId: 'parentId must be a comment id.',
    });
    expect(newCommentSchema.parse({ body: 'x', parentId: '12' }).parentId).toBe(12);
  });
});

describe('fieldErrors', () => {
  it('maps every failing field to its first message, unknown fields by name', () => {
    expect(errorsFor(newCommentSchema, { body: '', website: 'ftp://x', extra: 1, other: 2 })).toEqual({
      body: 'Write a comment before publishing.',
      website: 'Website must be a web address, like example.com or https://example.com/about.',
      extra: 'Unknown field "extra".',
      other: 'Unknown field "other".',
    });
  });

  it('keeps the first message when a field fails twice', () => {
    expect(errorsFor(newCommentSchema, { body: `${'x'.repeat(10_001)}\u0007` })).toEqual({
      body: 'Comment must be at most 10,000 characters.',
    });
  });

  it('names nested fields by path and puts whole-input problems under "request"', () => {
    const nested = z.object({ author: z.object({ name: z.string('Name needed.') }) });
    expect(errorsFor(nested, { author: {} })).toEqual({ 'author.name': 'Name needed.' });
    expect(Object.keys(errorsFor(newCommentSchema, 'not an object'))).toEqual(['request']);
    expect(Object.keys(errorsFor(newCommentSchema, null))).toEqual(['request']);
  });
});
