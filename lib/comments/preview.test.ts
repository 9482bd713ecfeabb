import { afterAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/lib/db/test-suite';
import { previewComment } from './preview';
import { renderCommentMarkdown } from './render';

const run = Date.now().toString(36);
const preview = (body: unknown, ip: string | null = null) => previewComment({ body, ip });

describe('previewComment', () => {
  it('renders the text as publishing would, trimmed', async () => {
    const text = '  **Strong** words, a [link](https://example.com) and\n\n> a quote  ';
    expect(await preview(text)).toEqual({ ok: true, html: await renderCommentMarkdown(text.trim()) });
    expect(await preview('*hi*')).toEqual({ ok: true, html: '<p><em>hi</em></p>' });
  });

  it.each([[''], ['   \n\t'], [undefined], ['\u200b\u200b']])('refuses %j with a message naming the body and the preview', async (body) => {
    expect(await preview(body)).toEqual({ ok: false, errors: { body: 'Write a comment to see its preview.' } });
  });

  it('says a body that is not text must be', async () => {
    expect(await preview(42)).toEqual({ ok: false, errors: { body: 'Comment must be text.' } });
  });

  it('holds the text to the limits of a published comment', async () => {
    expect(await preview('x'.repeat(10_001))).toEqual({
      ok: false,
      errors: { body: 'Comment must be at most 10,000 characters.' },
    });
    expect(await preview('a\u0007b')).toEqual({ ok: false, errors: { body: 'Comment must not contain control characters.' } });
    const heavy = await preview('>'.repeat(100) + ' deep');
    expect(heavy.ok).toBe(false);
  });

  describe('how often one address may preview', () => {
    useTestDatabase('sqlite');
    vi.stubEnv('RATE_LIMITS', 'preview-address=2/60');
    afterAll(() => {
      vi.unstubAllEnvs();
    });

    it('renders a few a minute per address, says why after that, and counts only text it renders', async () => {
      const address = `198.51.100.7-${run}`;
      expect((await preview('One.', address)).ok).toBe(true);
      // Refused for its text: nothing rendered, nothing counted.
      expect((await preview('', address)).ok).toBe(false);
      expect((await preview('Two.', address)).ok).toBe(true);
      expect(await preview('Three.', address)).toEqual({
        ok: false,
        errors: { request: expect.stringMatching(/^Many previews came from your network just now\. Please wait \d+ seconds? and try again\.$/) },
      });
      expect((await preview('From elsewhere.', `198.51.100.8-${run}`)).ok).toBe(true);
    });
  });
});
