import { Feed } from 'feed';
import type { Post } from './posts';
import type { Site } from './site';
import { absoluteUrl, labelPath } from './urls';

export const FEED_PATH = '/feeds/posts/default';
const FEED_ENTRIES = 25;

/** The feed library marks entry titles and summaries type="html", so plain text must be escaped as HTML. */
export function textAsHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML for an entry's content: the library splits only the first "]]>" out of its CDATA section; a second would end it early. */
export function asCdata(html: string): string {
  return html.replaceAll(']]>', ']]&gt;');
}

/**
 * A tag as the Markdown renderer writes it: every `<` in text is escaped, and attribute values are
 * double-quoted, with `"` and `&` as references, and may hold `>`.
 */
const TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/g;
/** One attribute of such a tag, its value taken whole so a value that reads ` href=` is not mistaken for one. */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:="([^"]*)")?/g;
const NAMED_REFERENCES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/**
 * A post's HTML with every link and image absolute against the post's address. On the post page
 * `#h-what-was-signed`, a footnote's `#user-content-fn-1` and `/img.png` resolve against the page;
 * a feed reader would resolve them against the feed's address, and not every reader honours xml:base.
 */
export function absoluteLinks(html: string, postUrl: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(ATTRIBUTE, (attribute, space: string, name: string, value: string | undefined) =>
      (name === 'href' || name === 'src') && value !== undefined
        ? `${space}${name}="${escapeAttribute(resolveAgainst(decodeReferences(value), postUrl))}"`
        : attribute,
    ),
  );
}

/**
 * A post's HTML shown on another page of the blog (its excerpt on home, label and archive pages):
 * links resolved as on the post's own page (`#h-the-route` is a heading there, `map.png` beside
 * it), kept as addresses on this blog rather than made absolute.
 */
export function linksAsOnPostPage(html: string, postPath: string): string {
  const origin = 'https://post.invalid';
  return absoluteLinks(html, `${origin}${postPath}`).replaceAll(`="${origin}/`, '="/');
}

function decodeReferences(value: string): string {
  return value.replace(
    /&(?:#x([\da-f]+)|#(\d+)|(amp|quot|apos|lt|gt));/gi,
    (reference, hex?: string, decimal?: string, named?: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (decimal) return String.fromCodePoint(Number(decimal));
      return NAMED_REFERENCES[named?.toLowerCase() ?? ''] ?? reference;
    },
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A link that is no URL at all (`http://[`) is left as written rather than dropped. */
function resolveAgainst(link: string, postUrl: string): string {
  try {
    return new URL(link, postUrl).href;
  } catch {
    return link;
  }
}

/**
 * A post's entry id, which feed readers use to tell a new post from one they have shown: built
 * from the post's `id`, which never changes, not from its address, which a new slug or date moves.
 * A tag: URI (RFC 4151) on the blog's host; its date only has to stay the same, so it is fixed.
 */
export function postEntryId(site: Pick<Site, 'baseUrl'>, post: Pick<Post, 'id'>): string {
  return `tag:${new URL(site.baseUrl).hostname},2000:post:${encodeURIComponent(post.id)}`;
}

/** The blog's Atom feed: the newest posts in full, each linking to its page. */
export function buildAtomFeed(site: Site, posts: Post[]): string {
  const recent = posts.slice(0, FEED_ENTRIES);
  const feed = new Feed({
    id: absoluteUrl(site.baseUrl, '/'),
    title: site.title,
    description: site.description,
    link: absoluteUrl(site.baseUrl, '/'),
    language: site.language,
    updated: recent[0]?.date ?? new Date(0),
    generator: 'Quire',
    feedLinks: { atom: absoluteUrl(site.baseUrl, FEED_PATH) },
    author: { name: site.author },
    copyright: `© ${site.author}`,
  });
  for (const post of recent) {
    const url = absoluteUrl(site.baseUrl, post.path);
    feed.addItem({
      id: postEntryId(site, post),
      link: url,
      title: textAsHtml(post.title),
      date: post.date,
      published: post.date,
      description: textAsHtml(post.description),
      content: asCdata(absoluteLinks(post.html, url)),
      author: [{ name: post.author }],
      category: post.labels.map((label) => ({
        name: label,
        term: label,
        scheme: absoluteUrl(site.baseUrl, labelPath(label)),
      })),
    });
  }
  return feed.atom1();
}
