import { describe, expect, it } from 'vitest';
import { previewComment } from './preview';
import { renderCommentMarkdown } from './render';

describe('previewComment', () => {
  it('renders the text as publishing would, trimmed', async () => {
    const text = '  **Strong** words, a [link](https://example.com) and\n\n> a quote  ';
    expect(await previewComment(text)).toEqual({ ok: true, html: await renderCommentMarkdown(text.trim()) });
    expect(await previewComment('*hi*')).toEqual({ ok: true, html: '<p><em>hi</em></p>' });
  });

  it.each([[''], ['   \n\t'], [undefined], [42]])('refuses %j with a message naming the body and the preview', async (body) => {
    expect(await previewComment(body)).toEqual({ ok: false, errors: { body: 'Write a comment to see its preview.' } });
  });

  it('holds the text to the limits of a published comment', async () => {
    expect(await previewComment('x'.repeat(10_001))).toEqual({
      ok: false,
      errors: { body: 'Comment must be at most 10,000 characters.' },
    });
    expect(await previewComment('a\u0007b')).toEqual({ ok: false, errors: { body: 'Comment must not contain control characters.' } });
    const heavy = await previewComment('>'.repeat(100) + ' deep');
    expect(heavy.ok).toBe(false);
  });
});
