import { describe, expect, it } from 'vitest';
import { commentText, renderCommentMarkdown as render } from './render';

const REL = 'rel="nofollow ugc noopener"';

/** Every start tag in the output, for checks on attributes rather than on text. */
const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

describe('renderCommentMarkdown: what commenters may use', () => {
  it('renders paragraphs, emphasis, strong and hard line breaks', async () => {
    expect(await render('*hi* and **there**')).toBe('<p><em>hi</em> and <strong>there</strong></p>');
    expect(await render('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>');
    expect(await render('a  \nb')).toBe('<p>a<br>\nb</p>');
  });

  it('links carry rel="nofollow ugc noopener" and keep http, https and mailto addresses', async () => {
    expect(await render('[site](https://example.com/a?b=1)')).toBe(
      `<p><a href="https://example.com/a?b=1" ${REL}>site</a></p>`,
    );
    expect(await render('[site](http://example.com)')).toBe(`<p><a href="http://example.com" ${REL}>site</a></p>`);
    expect(await render('[mail](mailto:ada@example.com)')).toBe(
      `<p><a href="mailto:ada@example.com" ${REL}>mail</a></p>`,
    );
    expect(await render('<https://example.com>')).toBe(
      `<p><a href="https://example.com" ${REL}>https://example.com</a></p>`,
    );
  });

  it('drops link titles, and reduces a raw HTML link (with its own rel, id, class) to its text', async () => {
    expect(await render('[x](https://example.com "title")')).toBe(`<p><a href="https://example.com" ${REL}>x</a></p>`);
    expect(await render('<a href="https://example.com" rel="opener" id="x" class="y">x</a>')).toBe('<p>x</p>');
  });

  it.each([
    ['javascript', '[x](javascript:alert(1))'],
    ['JavaScript in mixed case', '[x](JaVaScRiPt:alert(1))'],
    ['javascript with an entity', '[x](&#106;avascript:alert(1))'],
    ['javascript by reference', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['data', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript', '[x](vbscript:msgbox(1))'],
  ])('a %s: link keeps its text but loses its href', async (_, markdown) => {
    expect(await render(markdown)).toBe(`<p><a ${REL}>x</a></p>`);
  });

  it('removes raw HTML amid text: script, img onerror, span style attributes', async () => {
    expect(await render('before <script>alert(1)</script> after')).toBe('<p>before alert(1) after</p>');
    expect(await render('look <img src=x onerror=alert(1)> here')).toBe('<p>look  here</p>');
    expect(await render('a <span style="color:red">b</span> c')).toBe('<p>a b c</p>');
    expect(tags(await render('<p style="position:fixed">x</p>')).join(' ')).not.toContain('style');
  });

  it('reduces headings to their text', async () => {
    const html = await render('# Big\n\n## Smaller\n\ntext');
    expect(html).not.toMatch(/<h\d/);
    expect(html).toContain('Big');
    expect(html).toContain('Smaller');
    expect(html).toContain('<p>text</p>');
  });

  it('drops images', async () => {
    expect(await render('look: ![alt](https://example.com/i.png)')).toBe('<p>look: </p>');
    expect(await render('look: ![x](javascript:alert(1))')).not.toContain('<img');
  });

  it.each([
    ['a block of HTML', '<p>Great post!</p>', '<p>&#x3C;p>Great post!&#x3C;/p></p>'],
    ['a script alone', '<script>alert(1)</script>', '<p>&#x3C;script>alert(1)&#x3C;/script></p>'],
    ['an image alone', '![alt](https://example.com/i.png)', '<p>![alt](https://example.com/i.png)</p>'],
    ['an iframe alone', '<iframe src="https://example.com"></iframe>', '<p>&#x3C;iframe src="https://example.com">&#x3C;/iframe></p>'],
    ['a link without text', '[](https://example.com)', '<p>[](https://example.com)</p>'],
    ['lines and paragraphs of HTML', '<div>one</div>\n<div>two & more</div>\n\n<svg onload=alert(1)>', '<p>&#x3C;div>one&#x3C;/div><br>\n&#x3C;div>two &#x26; more&#x3C;/div></p>\n<p>&#x3C;svg onload=alert(1)></p>'],
  ])('a comment that would show nothing (%s) shows as typed, escaped, never as an empty card', async (_, markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  it('keeps code blocks and inline code, escaped', async () => {
    expect(await render('```\n<b>bold</b> & more\n```')).toBe(
      '<pre><code>&#x3C;b>bold&#x3C;/b> &#x26; more\n</code></pre>',
    );
    expect(await render('```js\nlet a = 1;\n```')).toBe('<pre><code>let a = 1;\n</code></pre>');
    expect(await render('use `<script>` here')).toBe('<p>use <code>&#x3C;script></code> here</p>');
  });

  it('keeps blockquotes and lists, with an ordered list’s start', async () => {
    expect(await render('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(await render('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(await render('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it('leaves tables and other GitHub extensions as text', async () => {
    expect(await render('| a |\n|---|\n| b |')).not.toContain('<table');
  });
});

describe('renderCommentMarkdown: hostile payloads', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    'hello <script>alert(document.cookie)</script> world',
    '<scr<script>ipt>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<img src="x" onerror="alert(1)">',
    '<body onload=alert(1)>',
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<input onfocus=alert(1) autofocus>',
    '<details open ontoggle=alert(1)>',
    '<div onmouseover="alert(1)">hover</div>',
    '<x onclick=alert(1)>click</x>',
    '<video><source onerror="alert(1)"></video>',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '[x](javascript:alert(1))',
    '[x](  javascript:alert(1)  )',
    '[x](<javascript:alert(1)>)',
    '[x](JAVASCRIPT:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](javascript:alert`1`)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](javascript:alert(1))',
    '![x" onerror="alert(1)](https://example.com/a.png)',
    '[x](https://example.com "t\\" onmouseover=\\"alert(1)")',
    '> <img src=x onerror=alert(1)>',
    '- <svg onload=alert(1)>',
    '*<img src=x onerror=alert(1)>*',
    '[<img src=x onerror=alert(1)>](https://example.com)',
    '<!-- <script>alert(1)</script> -->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '\u0000<script>alert(1)</script>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<template><script>alert(1)</script></template>',
  ];

  it('has a good many payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
  });

  // What is left may be shown as inert text (a payload that would otherwise show nothing is shown
  // as typed, escaped), so the checks are on the markup: its tags, their attributes.
  it.each(payloads)('%j renders without script, event handlers or javascript: in its markup', async (payload) => {
    const html = await render(payload);
    expect(html).not.toMatch(/<script/i);
    expect(tags(html).join(' ')).not.toMatch(/ on\w+=/i);
    expect(tags(html).join(' ')).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<(img|iframe|svg|math|object|embed|form|input|style|meta|base|video|template)\b/i);
    for (const tag of tags(html))
      expect(tag).toMatch(
        /^<(p|br|em|strong|a|code|pre|blockquote|ul|ol|li)( href="(https?|mailto):[^"]*")?( start="\d+")?( rel="nofollow ugc noopener")?>$/,
      );
  });

  it.each([
    ['an autolink to javascript:', '<javascript:alert(1)>'],
    ['a broken autolink', '<https://example.com/" onmouseover="alert(1)>'],
    ['a bare URL', 'www.example.com/"onmouseover="alert(1)'],
  ])('%s stays inert text: no tag carries a handler or a javascript: address', async (_, payload) => {
    const html = await render(payload);
    expect(html).not.toMatch(/<script/i);
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/ on\w+=/i);
      expect(tag).not.toMatch(/javascript:/i);
      expect(tag).not.toMatch(/ href="(?!https?:|mailto:)/i);
    }
  });
});

describe('commentText', () => {
  it('reads a rendered comment back as the text its reader sees: no tags, no character references', async () => {
    const html = await render('Tom & Jerry <3 **"quotes"** and `a<b`\n\n> R&D');
    expect(html).toContain('&#x26;');
    expect(commentText(html)).toBe('Tom & Jerry <3 "quotes" and a<b\n\nR&D');
    expect(commentText(await render('<p>Typed as HTML</p>'))).toBe('<p>Typed as HTML</p>');
    expect(commentText('&amp; &lt; &#169; &#xA9; &unknown; &#0;')).toBe('& < © © &unknown; &#0;');
  });
});

describe('renderCommentMarkdown: a comment that would show nothing', () => {
  it.each([['&#8203;'], ['**\u200b**'], ['[\u200b](https://example.com)'], ['`\u200b`'], ['_\u00ad_']])(
    'shows %j as the text it was typed in, not an empty card',
    async (markdown) => {
      const html = await render(markdown);
      expect(html).toMatch(/^<p>/);
      expect(commentText(html).trim()).not.toBe('');
      expect(commentText(html)).toContain(markdown.replace(/[\u200b\u00ad]/g, '').slice(0, 1));
    },
  );

  it('keeps an emoji, even one newer than the runtime knows, and text with a zero-width space inside', async () => {
    expect(await render('\u{1FAE9}')).toBe('<p>\u{1FAE9}</p>');
    expect(await render('a\u200bb')).toBe('<p>a\u200bb</p>');
  });
});
