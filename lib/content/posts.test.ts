import { describe, expect, it } from 'vitest';
import { calendarDateInZone } from './dates';
import { ContentError } from './errors';
import { buildAtomFeed, postEntryId } from './feed';
import { buildArchive, countLabels, findLabel, paginate, postsInMonth, postsWithLabel } from './listing';
import { renderPostMarkdown } from './markdown';
import { checkUnique, isPublished, newestFirst, type Post } from './posts';
import type { Site } from './site';
import { parseFeed } from './test-feeds';
import { labelPath, listingRedirect, postPath } from './urls';

const TIME_ZONE = 'Asia/Hong_Kong';

/**
 * A post as parsePostFile would return it. `date` may be given as 'YYYY-MM-DD' (midnight in Hong Kong)
 * or any ISO instant; year, month and path follow the date and slug unless overridden.
 */
function buildPost(overrides: Partial<Omit<Post, 'date'>> & { date?: string } = {}): Post {
  const { date: when = '2016-09-04', ...rest } = overrides;
  const slug = rest.slug ?? 'from-russia-with-love';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00+08:00` : when);
  const { year, month } = calendarDateInZone(date, TIME_ZONE);
  return {
    id: slug,
    slug,
    title: `Post ${slug}`,
    date,
    year,
    month,
    author: 'Site Owner',
    labels: [],
    summary: undefined,
    draft: false,
    commentsClosed: false,
    aliases: [],
    path: postPath({ date, slug }, TIME_ZONE),
    html: `<p>The body of ${slug}.</p>`,
    excerptHtml: `<p>The body of ${slug}.</p>`,
    description: `The body of ${slug}.`,
    file: `content/posts/${slug}.md`,
    ...rest,
  };
}

function uniquenessError(posts: Post[]): ContentError {
  try {
    checkUnique(posts);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  return expect.unreachable('checkUnique accepted the posts');
}

describe('buildPost', () => {
  it('dates a bare day at Hong Kong midnight and derives the path', () => {
    const post = buildPost({ slug: 'a', date: '2016-10-01' });
    expect(post.date.toISOString()).toBe('2016-09-30T16:00:00.000Z');
    expect([post.year, post.month, post.path]).toEqual([2016, 10, '/2016/10/a']);
  });
});

describe('checkUnique', () => {
  it('accepts posts with distinct ids, addresses and aliases', () => {
    expect(() =>
      checkUnique([
        buildPost({ slug: 'a', aliases: ['/2016/09/a-old.html'] }),
        buildPost({ slug: 'b', aliases: ['/b-old'] }),
        // The same slug in another month is another address.
        buildPost({ slug: 'a', id: 'a-in-october', date: '2016-10-01' }),
      ]),
    ).not.toThrow();
  });

  it('accepts a post that lists its own address or an alias twice', () => {
    const post = buildPost({ slug: 'a', aliases: ['/2016/09/a', '/old', '/old'] });
    expect(() => checkUnique([post])).not.toThrow();
  });

  it('refuses a duplicate id, naming both files', () => {
    const error = uniquenessError([buildPost({ slug: 'a', id: 'same' }), buildPost({ slug: 'b', id: 'same' })]);
    expect(error.file).toBe('content/posts/b.md');
    expect(error.message).toBe('content/posts/b.md: "id": "same" is already used by content/posts/a.md');
  });

  it('names the slug, not an id the file never set, when a slug is another post’s id', () => {
    const first = buildPost({ slug: 'taken', file: 'content/posts/2016-09-04-taken.md' });
    const second = buildPost({ slug: 'taken', date: '2016-10-01', file: 'content/posts/zz-taken.md' });
    expect(uniquenessError([first, second]).message).toBe(
      'content/posts/zz-taken.md: "slug": "taken" is already the id of content/posts/2016-09-04-taken.md (a post without an id takes its slug as one); set another slug, or an id',
    );
  });

  it('refuses two posts at the same address', () => {
    const first = buildPost({ slug: 'same', id: 'one', file: 'content/posts/2016-09-04-same.md' });
    const second = buildPost({ slug: 'same', id: 'two', date: '2016-09-20', file: 'content/posts/2016-09-20-same.md' });
    const error = uniquenessError([first, second]);
    expect(error.message).toBe(
      'content/posts/2016-09-20-same.md: "slug": "/2016/09/same" is already used by content/posts/2016-09-04-same.md',
    );
  });

  it('refuses an alias that is another post’s address, whichever comes first', () => {
    const target = buildPost({ slug: 'a' });
    const aliasing = buildPost({ slug: 'b', aliases: ['/2016/09/a'] });
    const error = uniquenessError([target, aliasing]);
    expect(error.file).toBe('content/posts/b.md');
    expect(error.message).toBe('content/posts/b.md: "aliases": "/2016/09/a" is already used by content/posts/a.md');
    const reversed = uniquenessError([aliasing, target]);
    expect(reversed.file).toBe('content/posts/a.md');
    expect(reversed.message).toContain('is already used by content/posts/b.md');
  });

  it('refuses an alias claimed by two posts', () => {
    const error = uniquenessError([
      buildPost({ slug: 'a', aliases: ['/old.html'] }),
      buildPost({ slug: 'b', aliases: ['/old.html'] }),
    ]);
    expect(error.message).toBe('content/posts/b.md: "aliases": "/old.html" is already used by content/posts/a.md');
  });
});

describe('isPublished', () => {
  const now = new Date('2016-09-10T00:00:00Z');

  it('shows a past post and hides drafts', () => {
    expect(isPublished(buildPost(), now)).toBe(true);
    expect(isPublished(buildPost({ draft: true }), now)).toBe(false);
  });

  it('hides a post until its date arrives', () => {
    const scheduled = buildPost({ date: '2016-09-10T00:00:00Z' });
    expect(isPublished(scheduled, new Date('2016-09-09T23:59:59.999Z'))).toBe(false);
    expect(isPublished(scheduled, new Date('2016-09-10T00:00:00Z'))).toBe(true);
    expect(isPublished(buildPost({ date: '2030-01-01' }))).toBe(false);
  });
});

describe('newestFirst', () => {
  it('orders by date, newest first, then by slug', () => {
    const posts = [
      buildPost({ slug: 'old', date: '2015-01-01' }),
      buildPost({ slug: 'same-day-b', date: '2016-09-04' }),
      buildPost({ slug: 'newest', date: '2016-09-04T12:00:00+08:00' }),
      buildPost({ slug: 'same-day-a', date: '2016-09-04' }),
    ];
    expect(posts.sort(newestFirst).map((p) => p.slug)).toEqual(['newest', 'same-day-a', 'same-day-b', 'old']);
  });
});

describe('buildArchive', () => {
  it('groups by year and month, newest first, with counts', () => {
    const posts = [
      buildPost({ slug: 'a', date: '2016-09-04' }),
      buildPost({ slug: 'b', date: '2015-12-31' }),
      buildPost({ slug: 'c', date: '2016-10-01' }),
      buildPost({ slug: 'd', date: '2016-09-30' }),
      buildPost({ slug: 'e', date: '2017-01-02' }),
      buildPost({ slug: 'f', date: '2016-02-29' }),
    ];
    expect(buildArchive(posts)).toEqual([
      { year: 2017, count: 1, months: [{ year: 2017, month: 1, count: 1 }] },
      {
        year: 2016,
        count: 4,
        months: [
          { year: 2016, month: 10, count: 1 },
          { year: 2016, month: 9, count: 2 },
          { year: 2016, month: 2, count: 1 },
        ],
      },
      { year: 2015, count: 1, months: [{ year: 2015, month: 12, count: 1 }] },
    ]);
  });

  it('is empty without posts', () => {
    expect(buildArchive([])).toEqual([]);
  });
});

describe('countLabels', () => {
  it('counts each label, sorted by name', () => {
    const posts = [
      buildPost({ slug: 'a', labels: ['Russia', 'China'] }),
      buildPost({ slug: 'b', labels: ['China'] }),
      buildPost({ slug: 'c', labels: ['G20'] }),
      buildPost({ slug: 'd' }),
    ];
    expect(countLabels(posts)).toEqual([
      { label: 'China', count: 2 },
      { label: 'G20', count: 1 },
      { label: 'Russia', count: 1 },
    ]);
  });

  it('counts labels differing only in case as one, as postsWithLabel matches them', () => {
    const posts = [buildPost({ slug: 'a', labels: ['China'] }), buildPost({ slug: 'b', labels: ['china'] })];
    expect(countLabels(posts)).toEqual([{ label: 'China', count: 2 }]);
    expect(postsWithLabel(posts, 'China')).toHaveLength(2);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => i + 1);

  it('cuts a page and counts the pages', () => {
    expect(paginate(items, 1, 10)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, pageCount: 3 });
    expect(paginate(items, 3, 10)).toEqual({ items: [21, 22, 23, 24, 25], page: 3, pageCount: 3 });
    expect(paginate(items.slice(0, 20), 2, 10)?.pageCount).toBe(2);
  });

  it('has one empty first page for no items', () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1 });
    expect(paginate([], 2, 10)).toBeUndefined();
  });

  it.each([0, -1, 4, 1.5, Number.NaN])('returns undefined for page %s', (page) => {
    expect(paginate(items, page, 10)).toBeUndefined();
  });
});

describe('postsWithLabel', () => {
  const posts = [
    buildPost({ slug: 'a', labels: ['China', 'Russia'] }),
    buildPost({ slug: 'b', labels: ['G20 summit'] }),
    buildPost({ slug: 'c', labels: ['CHINA'] }),
  ];

  it('matches labels whatever their case, keeping order', () => {
    expect(postsWithLabel(posts, 'china').map((p) => p.slug)).toEqual(['a', 'c']);
    expect(postsWithLabel(posts, 'g20 SUMMIT').map((p) => p.slug)).toEqual(['b']);
  });

  it('matches whole labels only', () => {
    expect(postsWithLabel(posts, 'G20')).toEqual([]);
    expect(postsWithLabel(posts, 'Chin')).toEqual([]);
  });
});

describe('findLabel', () => {
  const posts = [
    buildPost({ slug: 'a', labels: ['Russia', 'China'] }),
    buildPost({ slug: 'b', labels: ['china', 'G20 summit'] }),
    buildPost({ slug: 'c', labels: ['CHINA', 'Россия'] }),
  ];

  it('gives any spelling of a label the one the sidebar counts it under', () => {
    for (const asked of ['china', 'China', 'CHINA', 'cHiNa']) expect(findLabel(posts, asked)).toBe('China');
    expect(findLabel(posts, 'g20 summit')).toBe('G20 summit');
    expect(findLabel(posts, 'РОССИЯ')).toBe('Россия');
    expect(countLabels(posts).map((entry) => entry.label)).toEqual(['China', 'G20 summit', 'Russia', 'Россия']);
  });

  it('so other spellings of a label page move to its one address', () => {
    const page = (asked: string) => labelPath(findLabel(posts, asked) ?? asked);
    expect(listingRedirect('/label/china', page('china'), 1)).toBe('/label/China');
    expect(listingRedirect('/label/CHINA/page/2', page('CHINA'), 2)).toBe('/label/China/page/2');
    expect(listingRedirect('/label/g20%20SUMMIT', page('g20 SUMMIT'), 1)).toBe('/label/G20%20summit');
    expect(listingRedirect('/label/China', page('China'), 1)).toBeUndefined();
  });

  it('finds nothing for a label no post has, nor for part of one', () => {
    expect(findLabel(posts, 'Chin')).toBeUndefined();
    expect(findLabel(posts, 'Trade')).toBeUndefined();
    expect(findLabel([], 'China')).toBeUndefined();
  });
});

describe('postsInMonth', () => {
  const posts = [
    buildPost({ slug: 'a', date: '2016-09-01' }),
    buildPost({ slug: 'b', date: '2016-10-01' }),
    buildPost({ slug: 'c', date: '2015-09-01' }),
    // 23:30 on 30 September in UTC is already 1 October in Hong Kong.
    buildPost({ slug: 'd', date: '2016-09-30T23:30:00Z' }),
  ];

  it('finds a year’s posts, or one month’s', () => {
    expect(postsInMonth(posts, 2016).map((p) => p.slug)).toEqual(['a', 'b', 'd']);
    expect(postsInMonth(posts, 2016, 9).map((p) => p.slug)).toEqual(['a']);
    expect(postsInMonth(posts, 2016, 10).map((p) => p.slug)).toEqual(['b', 'd']);
    expect(postsInMonth(posts, 2014)).toEqual([]);
  });
});

describe('buildAtomFeed', () => {
  const site: Site = {
    title: 'Quire',
    description: 'News and commentary.',
    author: 'Quire',
    baseUrl: 'https://example.com',
    language: 'en',
    timeZone: TIME_ZONE,
    postsPerPage: 10,
  };

  const newer = buildPost({
    slug: 'xi-in-hangzhou',
    title: 'Xi in Hangzhou',
    date: '2016-09-05T10:30:00+08:00',
    author: 'Wang Xianju',
    labels: ['China', 'G20 summit'],
    html: '<p>Xi met Putin.</p>\n<p>Second.</p>',
    description: 'Xi met Putin.',
  });
  const older = buildPost({ slug: 'from-russia-with-love', title: 'From Russia with love' });

  it('describes the blog, with its address and a self link', () => {
    const feed = parseFeed(buildAtomFeed(site, [newer, older]));
    expect(feed.title).toBe('Quire');
    expect(feed.subtitle).toBe('News and commentary.');
    expect(feed.id).toBe('https://example.com/');
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { rel: 'self', href: 'https://example.com/feeds/posts/default' },
        { rel: 'alternate', href: 'https://example.com/' },
      ]),
    );
    expect(feed.updated).toBe('2016-09-05T02:30:00.000Z');
  });

  it('lists the posts newest first, each with its address, date, content and labels', () => {
    const entries = parseFeed(buildAtomFeed(site, [newer, older])).entry ?? [];
    expect(entries.map((e) => e.title['#text'])).toEqual(['Xi in Hangzhou', 'From Russia with love']);
    const [first, second] = entries;
    expect(first?.id).toBe('tag:example.com,2000:post:xi-in-hangzhou');
    expect(first?.link).toEqual([{ href: 'https://example.com/2016/09/xi-in-hangzhou' }]);
    expect(first?.published).toBe('2016-09-05T02:30:00.000Z');
    expect(first?.updated).toBe('2016-09-05T02:30:00.000Z');
    expect(first?.content).toEqual({ '#text': '<p>Xi met Putin.</p>\n<p>Second.</p>', type: 'html' });
    expect(first?.summary?.['#text']).toBe('Xi met Putin.');
    expect(first?.author).toEqual([{ name: 'Wang Xianju' }]);
    expect(first?.category).toEqual([
      { term: 'China', label: 'China', scheme: 'https://example.com/label/China' },
      { term: 'G20 summit', label: 'G20 summit', scheme: 'https://example.com/label/G20%20summit' },
    ]);
    expect(second?.link).toEqual([{ href: 'https://example.com/2016/09/from-russia-with-love' }]);
    expect(second?.published).toBe('2016-09-03T16:00:00.000Z');
    expect(second?.category).toBeUndefined();
  });

  it('makes links and images in the content absolute, since feed readers resolve relative ones against the feed', async () => {
    const { html } = await renderPostMarkdown(
      [
        '## What was signed',
        '',
        'A note[^1], [the summit](/2016/09/g20 "Summit > see href="), [photos](photos.html?day=1&night=2),',
        '![Xi](/img.png) and [elsewhere](https://example.org/a).',
        '',
        '[^1]: The text.',
      ].join('\n'),
    );
    const post = buildPost({ slug: 'xi-in-hangzhou', html });
    const content = parseFeed(buildAtomFeed(site, [post])).entry?.[0]?.content['#text'] ?? '';
    const url = 'https://example.com/2016/09/xi-in-hangzhou';
    expect(content).toContain(`href="${url}#h-what-was-signed"`);
    expect(content).toContain(`href="${url}#user-content-fn-1"`);
    expect(content).toContain(`href="${url}#user-content-fnref-1"`);
    expect(content).toContain('href="https://example.com/2016/09/g20" title="Summit > see href="');
    expect(content).toContain('href="https://example.com/2016/09/photos.html?day=1&amp;night=2"');
    expect(content).toContain('src="https://example.com/img.png"');
    expect(content).toContain('href="https://example.org/a"');
    expect(content).not.toMatch(/ (href|src)="[#/p]/);
  });

  it('carries at most the 25 newest posts', () => {
    const posts = Array.from({ length: 30 }, (_, i) =>
      buildPost({ slug: `post-${i}`, date: new Date(Date.UTC(2016, 8, 30 - i)).toISOString() }),
    );
    const entries = parseFeed(buildAtomFeed(site, posts)).entry ?? [];
    expect(entries).toHaveLength(25);
    expect(entries[0]?.id).toBe('tag:example.com,2000:post:post-0');
    expect(entries[24]?.id).toBe('tag:example.com,2000:post:post-24');
  });

  it('keeps a post’s entry id when its slug and date change, so feed readers do not show it again as new', () => {
    const before = buildPost({ id: 'russia', slug: 'from-russia-with-love', date: '2016-09-04' });
    const after = buildPost({ id: 'russia', slug: 'moscow-and-beijing', date: '2016-10-01', aliases: [before.path] });
    const idIn = (post: Post) => parseFeed(buildAtomFeed(site, [post])).entry?.[0]?.id;
    expect(idIn(after)).toBe(idIn(before));
    expect(idIn(after)).toBe('tag:example.com,2000:post:russia');
    // The link still follows the post to its new address.
    expect(parseFeed(buildAtomFeed(site, [after])).entry?.[0]?.link).toEqual([{ href: `https://example.com${after.path}` }]);
  });

  it('gives each post its own entry id, on the blog’s own host', () => {
    expect(postEntryId(site, { id: 'a' })).not.toBe(postEntryId(site, { id: 'b' }));
    expect(postEntryId({ baseUrl: 'http://localhost:3000' }, { id: 'a' })).toBe('tag:localhost,2000:post:a');
  });

  it('is a valid feed with no posts', () => {
    const feed = parseFeed(buildAtomFeed(site, []));
    expect(feed.entry).toBeUndefined();
    expect(feed.title).toBe('Quire');
  });

  it('escapes plain-text titles and summaries as HTML, since the feed marks them type="html"', () => {
    const post = buildPost({ title: 'Tom & Jerry: why <title> matters', description: 'a < b && c > d' });
    const [entry] = parseFeed(buildAtomFeed(site, [post])).entry ?? [];
    expect(entry?.title).toEqual({ '#text': 'Tom &amp; Jerry: why &lt;title&gt; matters', type: 'html' });
    expect(entry?.summary?.['#text']).toBe('a &lt; b &amp;&amp; c &gt; d');
  });

  it('stays well-formed when a post contains "]]>" more than once', () => {
    const post = buildPost({
      title: 'CDATA ends with ]]> and ]]>',
      description: 'Ends ]]> twice ]]>',
      html: '<p>The sequence ]]> ends CDATA; so does <code>]]></code>.</p>',
    });
    const [entry] = parseFeed(buildAtomFeed(site, [post])).entry ?? [];
    expect(entry?.title['#text']).toBe('CDATA ends with ]]&gt; and ]]&gt;');
    expect(entry?.content['#text']).toBe('<p>The sequence ]]&gt; ends CDATA; so does <code>]]&gt;</code>.</p>');
  });
});
