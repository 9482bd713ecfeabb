import { describe, expect, it } from 'vitest';
import { renderPostMarkdown } from './markdown';

const PULL_QUOTE = [
  '> Russia is not happy about the current world order',
  '>',
  '> — Wang Xianju, State Council’s Development Research Centre',
].join('\n');

describe('renderPostMarkdown', () => {
  it('renders GFM tables and strikethrough', async () => {
    const { html } = await renderPostMarkdown('| Leader | Country |\n| --- | :-: |\n| Xi | China |\n\nNot ~~Moscow~~ Hangzhou.\n');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>Leader<\/th>\s*<th align="center">Country<\/th>/);
    expect(html).toMatch(/<tbody>\s*<tr>\s*<td>Xi<\/td>\s*<td align="center">China<\/td>/);
    expect(html).toContain('<p>Not <del>Moscow</del> Hangzhou.</p>');
  });

  it('links bare web addresses, as GFM does', async () => {
    const { html } = await renderPostMarkdown('See www.example.com for more.\n');
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
  });

  it('gives headings ids and an appended anchor link that screen readers skip', async () => {
    const { html } = await renderPostMarkdown('## The G20 *summit*\n\nText.\n\n## The G20 summit\n');
    expect(html).toContain(
      '<h2 id="h-the-g20-summit">The G20 <em>summit</em><a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#h-the-g20-summit">#</a></h2>',
    );
    expect(html).toContain('<h2 id="h-the-g20-summit-1">The G20 summit<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#h-the-g20-summit-1">');
  });

  it('never gives a heading an id the post page uses for its own anchors', async () => {
    // The layout, the post and the comment section: `#comments` is where every "N comments" link and return address lands.
    const pageIds = ['content', 'post-title', 'comments', 'comments-heading', 'post-a-comment', 'c12', 'reply-12'];
    const markdown = ['Content', 'Post title', 'Comments', 'Comments heading', 'Post a comment', 'c12', 'Reply 12']
      .map((title) => `## ${title}`)
      .join('\n\n');
    const { html } = await renderPostMarkdown(markdown);
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(pageIds.length);
    for (const id of pageIds) expect(ids).not.toContain(id);
    expect(html).toContain('<h2 id="h-comments">Comments<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#h-comments">#</a></h2>');
  });

  it('drops raw HTML: no script, event handler or iframe ever reaches the page', async () => {
    const { html, excerptHtml, lead } = await renderPostMarkdown(
      [
        '<script>alert("block")</script>',
        '',
        'Inline <script>alert("inline")</script> and <img src="x" onerror="alert(1)"> and <b>bold</b> text.',
        '',
        '<iframe src="https://evil.example"></iframe>',
        '',
        '<div onclick="alert(2)">',
        '',
        'Inside a div.',
        '',
        '</div>',
      ].join('\n'),
    );
    for (const output of [html, excerptHtml]) {
      expect(output).not.toMatch(/<script|<iframe|<img|<div|<b>|onerror|onclick/i);
    }
    expect(html).toContain('<p>Inline alert("inline") and  and bold text.</p>');
    expect(html).toContain('<p>Inside a div.</p>');
    expect(lead).toBe('Inline alert("inline") and  and bold text.');
  });

  it('shows HTML inside code as text', async () => {
    const { html } = await renderPostMarkdown('Use `<script>` sparingly.\n\n```\n<script>alert(1)</script>\n```\n');
    expect(html).not.toContain('<script');
    expect(html).toContain('<code>&#x3C;script></code>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('highlights fenced code with a language, and leaves unlabelled code alone', async () => {
    const { html } = await renderPostMarkdown('```ts\nconst answer: number = 42;\n```\n\n```\nconst plain = 1;\n```\n');
    expect(html).toContain('<pre><code class="hljs language-ts"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-number">42</span>');
    expect(html).toContain('<pre><code>const plain = 1;\n</code></pre>');
  });

  it('turns a quote ending in a dashed attribution into a pull-quote figure', async () => {
    const { html } = await renderPostMarkdown(`Before.\n\n${PULL_QUOTE}\n\nAfter.\n`);
    expect(html).toContain(
      '<figure class="pull-quote"><blockquote>\n<p>Russia is not happy about the current world order</p>\n\n</blockquote>' +
        '<figcaption>Wang Xianju, State Council’s Development Research Centre</figcaption></figure>',
    );
    expect(html).not.toContain('—');
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
  });

  it('keeps the markup of the attribution and accepts -- or ― for the dash', async () => {
    const { html } = await renderPostMarkdown('> Quote one\n>\n> -- *Wang Xianju*\n\n> Quote two\n>\n> ― [TASS](https://tass.com)\n');
    expect(html).toContain('<figcaption><em>Wang Xianju</em></figcaption>');
    expect(html).toContain('<figcaption><a href="https://tass.com">TASS</a></figcaption>');
    expect(html.match(/<figure class="pull-quote">/g)).toHaveLength(2);
  });

  it('keeps a several-paragraph quote with its attribution in the blockquote', async () => {
    const { html } = await renderPostMarkdown('> One.\n>\n> Two.\n>\n> — Someone\n');
    expect(html).toMatch(/<figure class="pull-quote"><blockquote>\s*<p>One\.<\/p>\s*<p>Two\.<\/p>\s*<\/blockquote><figcaption>Someone<\/figcaption><\/figure>/);
  });

  it('leaves plain quotes as blockquotes', async () => {
    const plain = await renderPostMarkdown('> Russia is not happy about the current world order\n');
    expect(plain.html).toBe('<blockquote>\n<p>Russia is not happy about the current world order</p>\n</blockquote>');
    // A dash alone is not an attribution; nor is a dash that does not open the last paragraph.
    const dashOnly = await renderPostMarkdown('> — Wang Xianju\n');
    expect(dashOnly.html).toBe('<blockquote>\n<p>— Wang Xianju</p>\n</blockquote>');
    const dashInside = await renderPostMarkdown('> — A first line\n>\n> and a second — with a dash\n');
    expect(dashInside.html).not.toContain('<figure');
    expect(dashInside.html).toContain('<p>— A first line</p>');
  });

  it('turns a pull quote nested in a quote into its own figure', async () => {
    const { html } = await renderPostMarkdown('> Outer.\n>\n> > Inner.\n> >\n> > — Inner source\n>\n> — Outer source\n');
    expect(html.match(/<figure class="pull-quote">/g)).toHaveLength(2);
    expect(html).toContain('<figcaption>Inner source</figcaption>');
    expect(html).toContain('<figcaption>Outer source</figcaption>');
    expect(html).not.toContain('—');
  });

  it('takes the excerpt from the first two top-level paragraphs and the lead from the first', async () => {
    const markdown = [
      '## A heading first',
      '',
      'The **first** paragraph, with a [link](https://example.com).',
      '',
      PULL_QUOTE,
      '',
      '- a list item',
      '',
      'The second paragraph.',
      '',
      'The third paragraph.',
    ].join('\n');
    const rendered = await renderPostMarkdown(markdown);
    expect(rendered.excerptHtml).toBe(
      '<p>The <strong>first</strong> paragraph, with a <a href="https://example.com">link</a>.</p><p>The second paragraph.</p>',
    );
    expect(rendered.lead).toBe('The first paragraph, with a link.');
    const three = await renderPostMarkdown(markdown, 3);
    expect(three.excerptHtml).toContain('<p>The third paragraph.</p>');
  });

  it('leaves footnote references out of the excerpt, whose footnotes are not on the listing', async () => {
    const rendered = await renderPostMarkdown(
      'Xi met Putin[^1] in Hangzhou.\n\nThey signed[^deal].\n\n[^1]: On 4 September.\n\n[^deal]: Two accords.\n',
    );
    expect(rendered.excerptHtml).toBe('<p>Xi met Putin in Hangzhou.</p><p>They signed.</p>');
    expect(rendered.lead).toBe('Xi met Putin in Hangzhou.');
    // The post page keeps them, with the footnotes they point to.
    expect(rendered.html).toContain('id="user-content-fnref-1"');
    expect(rendered.html).toContain('href="#user-content-fn-deal"');
    expect(rendered.html).toContain('<li id="user-content-fn-1">');
  });

  it('gives an empty excerpt and lead when there is no paragraph', async () => {
    const rendered = await renderPostMarkdown('## Only a heading\n');
    expect(rendered.excerptHtml).toBe('');
    expect(rendered.lead).toBe('');
  });
});
