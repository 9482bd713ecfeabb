import { describe, expect, it } from 'vitest';
import { commentBodySchema } from './schemas';
import {
  MAX_COMMENT_BLOCK_MARKERS,
  MAX_COMMENT_LINES,
  MAX_COMMENT_MARKS,
  MAX_COMMENT_NESTING,
  markdownTooHeavy,
} from './markdown-limits';
import { renderCommentMarkdown } from './render';

/** What the body field says of `text`, or null when it takes it. */
function bodyError(text: string): string | null {
  const parsed = commentBodySchema.safeParse(text);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'refused');
}

describe('markdownTooHeavy', () => {
  it('takes what people write: paragraphs, quotes of quotes, lists within lists, code', () => {
    const everyday = [
      '> > What she said\n> I agree\n\nAnd so do I, *mostly*: see [the report](https://example.com/report).',
      '1. First\n   - a detail\n   - another\n2. Second\n\n```js\nconst a_b = x * y_z;\n```',
      'A paragraph of ordinary prose with a `code` word and an _emphasis_.\n\n'.repeat(120),
    ];
    for (const text of everyday) expect(markdownTooHeavy(text), text.slice(0, 40)).toBeNull();
  });

  it('refuses too many lines, too deep a nesting, too many block markers or formatting marks, saying which', () => {
    expect(markdownTooHeavy('a\n'.repeat(MAX_COMMENT_LINES))).toBe('Comment must be at most 500 lines.');
    expect(markdownTooHeavy('a\n'.repeat(MAX_COMMENT_LINES - 1) + 'a')).toBeNull();
    expect(markdownTooHeavy(`${'>'.repeat(MAX_COMMENT_NESTING + 1)} deep`)).toBe(
      'Quotes and lists in a comment can be nested at most 20 deep.',
    );
    expect(markdownTooHeavy(`${'- '.repeat(MAX_COMMENT_NESTING + 1)}deep`)).toBe(
      'Quotes and lists in a comment can be nested at most 20 deep.',
    );
    expect(markdownTooHeavy(`${'> 1. '.repeat(MAX_COMMENT_NESTING / 2)}as deep as allowed`)).toBeNull();
    expect(markdownTooHeavy('- item\n'.repeat(MAX_COMMENT_BLOCK_MARKERS + 1))).toBe(
      'Comment must have at most 300 quote and list markers (it has 301).',
    );
    expect(markdownTooHeavy(`${'*a_'.repeat(MAX_COMMENT_MARKS / 2)}\``)).toBe(
      'Comment must have at most 2,000 of the characters * _ ` [ ] < (it has 2,001).',
    );
  });

  it('is what the comment field says, keeping its first complaint', () => {
    expect(bodyError(`${'>'.repeat(100)} deep`)).toBe('Quotes and lists in a comment can be nested at most 20 deep.');
    expect(bodyError('Fine words.')).toBeNull();
  });

  it('keeps the heaviest comment it lets through quick to render', async () => {
    await renderCommentMarkdown('warm up *the* [renderer](https://example.com)');
    const heaviest = [
      'a\n'.repeat(MAX_COMMENT_LINES - 1) + 'a',
      ('- '.repeat(MAX_COMMENT_NESTING) + 'x\n').repeat(MAX_COMMENT_BLOCK_MARKERS / MAX_COMMENT_NESTING),
      '*_'.repeat(MAX_COMMENT_MARKS / 2) + ' words'.repeat(1_000),
      '[a]: b\n'.repeat(MAX_COMMENT_LINES - 1),
    ];
    for (const text of heaviest) {
      expect(markdownTooHeavy(text), text.slice(0, 20)).toBeNull();
      const started = performance.now();
      await renderCommentMarkdown(text);
      // A few hundred milliseconds at most even on a busy machine (unbounded, such comments took minutes).
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(2_000);
    }
  });
});
