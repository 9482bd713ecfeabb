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
      content: asCdata(post.html),
      author: [{ name: post.author }],
      category: post.labels.map((label) => ({ name: label, term: label, scheme: absoluteUrl(site.baseUrl, labelPath(label)) })),
    });
  }
  return feed.atom1();
}
