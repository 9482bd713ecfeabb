/**
 * Hostile input for the comment section, written for this blog: what a commenter could type as a
 * comment, a display name or a guest website to run script, leak a request, smuggle markup or
 * break the page's layout. Everything that would do harm does something a test can see: it calls
 * `alert()`, sets `window.__pwned`, or requests an address containing `/pwned`.
 *
 * Bodies are Markdown (lib/comments/render.ts), so many cases aim at the Markdown parser as much as
 * at the HTML sanitizer behind it.
 */

export type PayloadFamily =
  | 'script'
  | 'event-attribute'
  | 'javascript-url'
  | 'data-url'
  | 'svg-mathml'
  | 'encoded'
  | 'mixed-case'
  | 'broken-markup'
  | 'markdown'
  | 'css'
  | 'embedding'
  | 'long-token'
  | 'bidi-invisible';

export interface Payload {
  /** Short, unique, readable in a failure message. */
  name: string;
  family: PayloadFamily;
  text: string;
}

/** Requests to any address containing this mean markup the blog should have dropped was loaded. */
export const PWNED_PATH = '/pwned';

const PAYLOADS: Payload[] = [];

function family(name: PayloadFamily, cases: Record<string, string>): void {
  for (const [caseName, text] of Object.entries(cases)) PAYLOADS.push({ name: caseName, family: name, text });
}

family('script', {
  'script tag': '<script>alert(1)</script>',
  'script tag with a src': '<script src="/pwned?script-src"></script>',
  'script tag amid words': 'Lovely post! <script>window.__pwned=1</script> See you.',
  'script tag never closed': '<script>alert(1)',
  'script tag split around itself': '<scr<script>ipt>alert(1)</scr</script>ipt>',
  'module script': '<script type="module">window.__pwned=1</script>',
  'script tag with newlines inside the tags': '<script\n>alert(1)</script\n>',
  'script with a slash for a space': '<script/src="/pwned?slash-src"></script>',
  'script inside a code span': '`<script>alert(1)</script>` is how not to do it',
  'script inside a fenced block': '```html\n<script>alert(1)</script>\n```',
  'script in a list item': '- first\n\n  <script>alert(1)</script>\n- second',
  'script in a quote': '> <script>window.__pwned=1</script>',
  'script after a closing textarea': '</textarea><script>alert(1)</script>',
  'script after a closing title': '</title><script>alert(1)</script>',
  'script closing the page’s own script': '</script><script>window.__pwned=1</script>',
  'script in CDATA': '<![CDATA[<script>alert(1)</script>]]>',
  'script behind an HTML comment': '<!-- hi --><script>alert(1)</script>',
  'script leaving a noscript attribute': '<noscript><p title="</noscript><script>alert(1)</script>"></p></noscript>',
  'script in a template': '<template><script>alert(1)</script></template>',
  'script in an inline paragraph': 'one <b>two <script>alert(1)</script></b> three',
});

family('event-attribute', {
  'img onerror': '<img src=x onerror=alert(1)>',
  'img onerror quoted with a marker src': '<img src="/pwned?img-onerror" onerror="window.__pwned=1">',
  'body onload': '<body onload=alert(1)>',
  'div onmouseover': '<div onmouseover="alert(1)">hover here</div>',
  'link onclick': '<a href="https://example.com/" onclick="alert(1)">click</a>',
  'autofocus input onfocus': '<input autofocus onfocus=alert(1)>',
  'details ontoggle': '<details open ontoggle=alert(1)><summary>more</summary>x</details>',
  'video source onerror': '<video><source onerror="alert(1)"></video>',
  'audio onerror': '<audio src=x onerror=alert(1)></audio>',
  'marquee onstart': '<marquee onstart=alert(1)>scrolling</marquee>',
  'select autofocus onfocus': '<select autofocus onfocus=alert(1)><option>a</option></select>',
  'textarea autofocus onfocus': '<textarea autofocus onfocus=alert(1)>x</textarea>',
  'iframe onload': '<iframe onload=alert(1)></iframe>',
  'paragraph onpointerenter': '<p onpointerenter=alert(1)>move over me</p>',
  'slashes between attributes': '<img/src=x/onerror=alert(1)>',
  'backtick-quoted attributes': '<img src=`x` onerror=`alert(1)`>',
  'newline between attributes': '<img src=x\nonerror=alert(1)>',
  'tab between attributes': '<img\tsrc=x\tonerror=alert(1)>',
  'handler on an allowed tag': '<strong onclick="alert(1)">bold</strong>',
  'handler on an allowed link': '<a href="https://example.com/" onmouseover="alert(1)">ok</a>',
  'animation start handler': '<style>@keyframes k{}</style><p style="animation-name:k" onanimationstart=alert(1)>x</p>',
  'button formaction': '<form><button formaction="javascript:alert(1)">go</button></form>',
  'popover beforetoggle': '<div popover id=pop onbeforetoggle=alert(1)>x</div><button popovertarget=pop>open</button>',
  'contenteditable autofocus': '<span contenteditable autofocus onfocus=alert(1)>x</span>',
  'duplicate handler attributes': '<img src onerror=alert(1) onerror=alert(2)>',
  'handler with entity-encoded code': '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
});

family('javascript-url', {
  'Markdown link to javascript:': '[click me](javascript:alert(1))',
  'Markdown link to JAVASCRIPT:': '[click me](JAVASCRIPT:alert(1))',
  'Markdown link in angle brackets': '[click me](<javascript:alert(1)>)',
  'Markdown link with an entity colon': '[click me](javascript&#58;alert(1))',
  'Markdown link with a hex-entity j': '[click me](&#x6A;avascript:alert(1))',
  'Markdown link with a percent-encoded colon': '[click me](javascript%3Aalert(1))',
  'Markdown link with a tab in the scheme': '[click me](<java\tscript:alert(1)>)',
  'Markdown link with an encoded newline': '[click me](java&#10;script:alert(1))',
  'Markdown link with an encoded leading space': '[click me](&#32;javascript:alert(1))',
  'reference link to javascript:': '[click me][evil]\n\n[evil]: javascript:alert(1)',
  'reference link with a title': '[click me][t]\n\n[t]: javascript:window.__pwned=1 "harmless"',
  'autolink to javascript:': '<javascript:alert(1)>',
  'javascript: with a comment and newline': '[click me](javascript://%0aalert(1))',
  'HTML link to javascript:': '<a href="javascript:alert(1)">x</a>',
  'HTML link with a named-entity colon': '<a href="javascript&colon;alert(1)">x</a>',
  'Markdown link with an escaped colon': '[click me](javascript\\:alert(1))',
  'javascript: hidden in a link title': '[fine](https://example.com/ "javascript:alert(1)")',
  'link nested in link text': '[[inner](javascript:alert(1))](https://example.com/)',
  'Markdown link with a fullwidth colon': '[click me](javascript\uFF1Aalert(1))',
  'Markdown link with a named-entity colon': '[click me](javascript&colon;alert(1))',
  'vbscript: link': '[click me](vbscript:msgbox(1))',
  'feed: wrapping javascript:': '[click me](feed:javascript:alert(1))',
  'mailto: wrapping javascript:': '[mail me](mailto:javascript:alert(1))',
  'link text that looks like javascript:': '[javascript:alert(1)](https://example.com/)',
  'protocol-relative link': '[elsewhere](//pwned.example/pwned?protocol-relative)',
  'link whose scheme uses escapes in text': '[click me](\\u006Aavascript:alert(1))',
});

family('data-url', {
  'Markdown link to a data: page': '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'Markdown link to DATA: in capitals': '[open](DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E)',
  'Markdown image from a data: SVG': '![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'HTML link to a data: page': '<a href="data:text/html,%3Cscript%3Ealert(1)%3C/script%3E">x</a>',
  'autolink to data:': '<data:text/html,alert(1)>',
  'reference link to data:': '[open][d]\n\n[d]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'object with a data: page': '<object data="data:text/html,<script>alert(1)</script>"></object>',
  'iframe with a data: page': '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  'data: link padded with spaces': '[open](<  data:text/html,alert(1)  >)',
  'data: PNG image': '![pic](data:image/png;base64,iVBORw0KGgo=)',
});

family('svg-mathml', {
  'svg onload': '<svg onload=alert(1)>',
  'script inside svg': '<svg><script>alert(1)</script></svg>',
  'svg animate setting href':
    '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>tap</text></a></svg>',
  'svg set adding a handler': '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
  'svg foreignObject iframe':
    '<svg><foreignObject><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe></foreignObject></svg>',
  'svg image onerror': '<svg><image href=x onerror=alert(1)></svg>',
  'svg style holding an img': '<svg><style><img src=x onerror=alert(1)></style></svg>',
  'svg xlink href':
    '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
  'svg file as Markdown image': '![logo](/pwned?svg-image.svg)',
  'svg title holding a script': '<svg><title><script>alert(1)</script></title></svg>',
  'svg use of a data: document':
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
  'MathML link': '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
  'MathML maction': '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  'MathML mglyph and style':
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'MathML annotation-xml as HTML':
    '<math><annotation-xml encoding="text/html"><script>alert(1)</script></annotation-xml></math>',
  'MathML href on mi': '<math><mi href="javascript:alert(1)">x</mi></math>',
  'MathML form namespace confusion': '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  'svg after a closing paragraph': '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
});

family('encoded', {
  'entity-encoded script tag': '&lt;script&gt;alert(1)&lt;/script&gt;',
  'double entity-encoded script tag': '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
  'decimal entities around an img': '&#60;img src=x onerror=alert(1)&#62;',
  'hex entities spelling javascript: in href':
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  'decimal entities without semicolons in href':
    '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>',
  'decimal entities spelling javascript: in a Markdown link':
    '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  'percent-encoded script tag': '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'UTF-7 script tag': '+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
  'JavaScript escapes as text': '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  'fullwidth angle brackets': '\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E',
  'overlong UTF-8 as percent escapes': '%C0%BCscript%C0%BEalert(1)%C0%BC/script%C0%BE',
  'NUL inside a tag name': '<scr\u0000ipt>alert(1)</script>',
  'vertical tab in a javascript: link': '[x](java\u000Bscript:alert(1))',
  'control character between attributes': '<img src=x\u0001onerror=alert(1)>',
  'JavaScript escape inside href': '<a href="javascript:\\u0061lert(1)">x</a>',
  'base64 of a script tag': 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'percent-encoded j in a Markdown link': '[x](%6Aavascript:alert(1))',
  'long s that upper-cases to S': '<\u017Fcript>alert(1)</\u017Fcript>',
  'dotted capital I in a tag name': '<scr\u0130pt>alert(1)</scr\u0130pt>',
  'emoji in front of a name': '\u{1F600} and \u{1F98A} friends',
  'HTML entity for a tab in the scheme': '<a href="jav&#x09;ascript:alert(1)">x</a>',
});

family('mixed-case', {
  'mixed-case script tag': '<ScRiPt>window.__pwned=1</sCrIpT>',
  'mixed-case img onerror': '<iMg SrC=x OnErRoR=alert(1)>',
  'capital IMG ONERROR': '<IMG SRC=x ONERROR=alert(1)>',
  'mixed-case svg onload': '<SvG OnLoAd=alert(1)>',
  'mixed-case iframe': '<IfRaMe SrC="javascript:alert(1)"></iFrAmE>',
  'mixed-case link href': '<A HREF="JaVaScRiPt:alert(1)">x</A>',
  'mixed-case Markdown javascript:': '[click me](JaVaScRiPt:alert(1))',
  'mixed-case vbscript:': '[x](VbScRiPt:msgbox(1))',
  'mixed-case data:': '[x](DaTa:text/html,alert(1))',
  'mixed-case style tag': '<StYlE>*{background:url(/pwned?mixed-style)}</sTyLe>',
});

family('broken-markup', {
  'img tag never closed': '<img src=x onerror=alert(1)',
  'attribute quote never closed': '<a href="https://example.com/ onmouseover=alert(1)>x</a>',
  'HTML comment never closed': '<!-- <img src=x onerror=alert(1)>',
  'empty comment trick': '<!--><img src=x onerror=alert(1)>-->',
  'bogus processing instruction': '<? <img src=x onerror=alert(1)> ?>',
  'attributes on an end tag': '</p onmouseover=alert(1)>x',
  'doubled angle brackets': '<<img src=x onerror=alert(1)>>',
  'tag inside an attribute': '<a title="<img src=x onerror=alert(1)>">x</a>',
  'misnested inline tags': '<b><i><img src=x onerror=alert(1)></b></i>',
  'Markdown link never closed': '[click me](javascript:alert(1)',
  'table never closed': '<table><tr><td><img src=x onerror=alert(1)></table>',
  'whole document with a doctype': '<!DOCTYPE html><html><head><script>alert(1)</script></head></html>',
  'closing the comment list': '</div></li></ol></section><img src=x onerror=alert(1)>',
  'closing the card to cover the page':
    '</div></article></li></ol><div style="position:fixed;inset:0;background:red">covered</div>',
  'CDATA closing early': '<![CDATA[><img src=x onerror=alert(1)>]]>',
  'emphasis around an img': '*<img src=x onerror=alert(1)>*',
  'img as link text': '[<img src=x onerror=alert(1)>](https://example.com/)',
  'code span never closed': '``<img src=x onerror=alert(1)>',
  'fenced block never closed': '```\n<script>alert(1)</script>',
  'single-quoted handler': "<a href='https://example.com/' onclick='alert(1)'>x</a>",
  'HTML block split by a blank line': '<div>\n\n<img src=x onerror=alert(1)>\n\n</div>',
  'setext heading over an img': '<img src=x onerror=alert(1)>\n===',
  'xmp holding an img': '<xmp><img src=x onerror=alert(1)></xmp>',
  'noembed holding an img': '<noembed><img src=x onerror=alert(1)></noembed>',
  'listing with escaped markup': '<listing>&lt;img src=x onerror=alert(1)&gt;</listing>',
  'noscript holding an img': '<noscript><img src=x onerror=alert(1)></noscript>',
  'plaintext swallowing the rest': '<plaintext><img src=x onerror=alert(1)>',
  'select closing a style early': '<select><option><style></option></select><img src=x onerror=alert(1)></style>',
});

family('markdown', {
  'image title breaking its quotes': '![x](https://example.com/x.png "\\" onerror=\\"alert(1)")',
  'image that would request a marker': '![tracking](/pwned?markdown-image)',
  'image pointing at javascript:': '![x](javascript:alert(1))',
  'image inside a javascript: link': '[![x](/pwned?nested-image)](javascript:alert(1))',
  'link title breaking its quotes': '[x](https://example.com/ "a\\" onmouseover=\\"alert(1)")',
  'link destination with a quote in angle brackets': '[x](<https://example.com/" onmouseover="alert(1)>)',
  'link destination holding an img tag': '[x](https://example.com/<img src=x onerror=alert(1)>)',
  'link destination in parentheses': '[x](https://example.com/(javascript:alert(1)))',
  'autolink with a quote': '<https://example.com/"onmouseover="alert(1)>',
  'bare URL followed by a tag': 'https://example.com/"><img src=x onerror=alert(1)>',
  'reference image': '![x][pic]\n\n[pic]: /pwned?reference-image',
  'footnote holding a script': 'Text[^1]\n\n[^1]: <script>alert(1)</script>',
  'mailto with a script in the query': '[mail](mailto:someone@example.com?body=%3Cscript%3Ealert(1)%3C/script%3E)',
  'heading and anchor named like the section': '# comments\n\n<a id="comments" name="__pwned">x</a>',
  'form reusing the comment form’s id': '<form id="post-a-comment"><input name="js" value="1"></form>',
  'reference label that looks like javascript:': '[javascript:alert(1)]',
  'link to the admin pages': '[moderate](/admin/comments)',
  'link with credentials': '[x](https://user:pass@pwned.example/)',
  'huge ordered-list start': '123456789. first\n123456790. second',
  'table in GitHub syntax': '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | x |',
  'task list checkbox': '- [x] <img src=x onerror=alert(1)>',
  'heading that would steal focus': '<h1 id="comments-heading" tabindex="1" autofocus>Fake heading</h1>',
});

family('css', {
  'style tag with a background request': '<style>body{background:url(/pwned?style-tag)}</style>',
  'fixed overlay covering the page':
    '<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red">gotcha</div>',
  'CSS expression': '<p style="width:expression(alert(1))">old trick</p>',
  'background image request in a style attribute':
    '<span style="background-image:url(\'/pwned?style-attribute\')">x</span>',
  'style import': '<style>@import url(/pwned?import);</style>',
  'stylesheet link': '<link rel="stylesheet" href="/pwned?link-stylesheet">',
  'huge font on an allowed tag': '<strong style="font-size:500px">huge</strong>',
  'behavior url': '<em style="behavior:url(/pwned?htc)">x</em>',
  'CSS escapes inside url()': '<a href="https://example.com/" style="background:u\\rl(/pwned?escaped)">x</a>',
  'app classes to fake a notice': '<p class="comment-pending form-success">Your comment was approved by the admin</p>',
  'very wide block': '<div style="width:5000px">wide</div>',
  'negative margin off the page': '<p style="margin-left:-9999px">off screen</p>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=/pwned?meta-refresh">',
  'base href': '<base href="https://pwned.example/">',
});

family('embedding', {
  'iframe srcdoc': '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>',
  'object with a marker': '<object data="/pwned?object"></object>',
  'embed with a marker': '<embed src="/pwned?embed">',
  'embed of javascript:': '<embed src="javascript:alert(1)">',
  'form posting to javascript:': '<form action="javascript:alert(1)"><input type=submit value=go></form>',
  'image input': '<input type="image" src="/pwned?input-image">',
  isindex: '<isindex type=image src=1 onerror=alert(1)>',
  'React inner-HTML shape as text': '{"__html":"<img src=x onerror=alert(1)>"}',
  'template expressions': '${alert(1)} {{constructor.constructor("alert(1)")()}} #{alert(1)}',
  'img named like the marker': '<img name="__pwned">',
  'anchor with the marker as id': '<a id="__pwned" href="https://example.com/">x</a>',
  'paragraph claiming a permalink id': '<p id="c1">fake permalink target</p>',
  'link opening a new window': '<a href="https://example.com/" target="_blank">x</a>',
  'link with a ping': '<a href="https://example.com/" ping="/pwned?ping">x</a>',
  'img srcset': '<img srcset="/pwned?srcset 1x">',
  'picture source': '<picture><source srcset="/pwned?picture"><img alt=""></picture>',
  'video poster': '<video poster="/pwned?poster"></video>',
  'prefetch link': '<link rel=prefetch href="/pwned?prefetch">',
  'XML stylesheet instruction': '<?xml-stylesheet href="/pwned?xsl"?>',
  'frameset onload': '<frameset onload=alert(1)>',
  'role and live region': '<p role="alert" aria-live="assertive">Your account has been suspended</p>',
  'data attributes on a link': '<a href="https://example.com/" data-action="click->pwn#run">x</a>',
  'declarative shadow root': '<template shadowrootmode="open"><img src=x onerror=alert(1)></template>',
  'portal element': '<portal src="/pwned?portal"></portal>',
});

family('long-token', {
  '5,000 letters without a break': 'A'.repeat(5_000),
  'bare URL of 3,000 characters': `https://example.com/${'a'.repeat(3_000)}`,
  'link text of 2,000 characters': `[${'W'.repeat(2_000)}](https://example.com/)`,
  'code span of 3,000 characters': `\`${'x'.repeat(3_000)}\``,
  'code block line of 4,000 characters': `\`\`\`\n${'y'.repeat(4_000)}\n\`\`\``,
  '1,500 emoji': '\u{1F600}'.repeat(1_500),
  'stacked combining marks': `Z${'\u0336\u0334\u0337'.repeat(600)}`,
  'Arabic word of 3,000 letters': '\u0628'.repeat(3_000),
  'words joined by no-break spaces': Array.from({ length: 800 }, () => 'word').join('\u00A0'),
  'exactly the longest comment allowed': 'L'.repeat(10_000),
  'one character over the limit': 'O'.repeat(10_001),
  'quotes nested 100 deep': `${'>'.repeat(100)} deep`,
  'list nested 60 deep': Array.from({ length: 60 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'),
  'email address of 2,000 characters': `<${'m'.repeat(2_000)}@example.com>`,
});

family('bidi-invisible', {
  'right-to-left override': 'invoice\u202Efdp.exe',
  'right-to-left override never closed': 'the rest of this line \u202Eruns backwards',
  'override in link text': '[\u202Emoc.elpmaxe](https://pwned.example/)',
  'right-to-left isolate never closed': '\u2067 isolate never closed',
  'too many pop-isolates': '\u2066abc\u2069\u2069\u2069 after',
  'direction marks': '\u200F\u200E\u200F marks',
  'zero-width space in a tag name': '<scr\u200Bipt>alert(1)</scr\u200Bipt>',
  'zero-width joiner in the scheme': '[x](javascript\u200D:alert(1))',
  'byte-order mark before the scheme': '[x](\uFEFFjavascript:alert(1))',
  'only zero-width characters': '\u200B\u200C\u200D\u2060',
  'Arabic letter mark around text': '\u061C\u0645\u0631\u062D\u0628\u0627\u061C',
  'override before a long token': `\u202E${'x'.repeat(2_000)}`,
  'left-to-right embedding never closed': '\u202Aembedded and never popped',
  'Hangul fillers': '\u3164\u3164\u3164',
  'combining marks on one letter': `x${'\u0301'.repeat(300)}`,
  'soft hyphens everywhere': Array.from({ length: 400 }, () => 'ab').join('\u00AD'),
});

/** Every case, in family order. */
export const payloads: readonly Payload[] = PAYLOADS;

/**
 * Guest websites: addresses a guest could type. The blog takes only http(s) addresses of at most
 * 200 characters; the rest must be refused by name (400, field `website`), never stored.
 */
export const guestWebsites: readonly Payload[] = [
  ['javascript: address', 'javascript:alert(1)'],
  ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript: after spaces', '   javascript:alert(1)'],
  ['javascript: with a tab inside', 'java\tscript:alert(1)'],
  ['javascript: with an entity tab', 'jav&#x09;ascript:alert(1)'],
  ['javascript: posing as an http host', 'http:javascript:alert(1)'],
  ['data: page', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript: address', 'vbscript:msgbox(1)'],
  ['protocol-relative address', '//pwned.example/pwned?guest'],
  ['ftp address', 'ftp://example.com/'],
  ['address over 200 characters', `https://example.com/${'a'.repeat(300)}`],
  ['https with a quote and handler', 'https://example.com/"onmouseover="alert(1)'],
  ['https with a script in the path', 'https://example.com/<script>alert(1)</script>'],
  ['https with javascript: in the fragment', 'http://example.com/#javascript:alert(1)'],
  ['https with an img in the query', 'https://example.com/?q=<img src=x onerror=alert(1)>'],
  ['https with javascript as the user', 'https://javascript:alert(1)@example.com/'],
  ['https in capitals', 'HTTPS://EXAMPLE.COM/'],
  ['https with a right-to-left override', 'https://example.com/\u202Egnp.exe'],
  ['internationalized domain', 'https://\u4F8B\u3048.jp/'],
  ['https surrounded by spaces', '  https://example.com/padded  '],
  ['https with backslashes', 'https:\\\\example.com\\path'],
  ['https with a bare host', 'https:alert(1)'],
  ['https of 200 characters', `https://example.com/${'b'.repeat(180)}`],
  ['https with a zero-width space in the host', 'https://exa\u200Bmple.com/'],
  ['https with a marker path', `https://pwned.example${PWNED_PATH}?website`],
].map(([name, text]) => ({ name: name!, family: 'javascript-url' as const, text: text! }));

function assertDistinct(list: readonly Payload[], what: string): void {
  const names = new Set<string>();
  const texts = new Set<string>();
  for (const { name, text } of list) {
    if (names.has(name)) throw new Error(`${what}: the name "${name}" is used twice`);
    if (texts.has(text)) throw new Error(`${what}: "${name}" repeats another case`);
    names.add(name);
    texts.add(text);
  }
}

assertDistinct(payloads, 'payloads');
assertDistinct(guestWebsites, 'guest websites');
