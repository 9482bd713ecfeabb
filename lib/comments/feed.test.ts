import { describe, expect, it } from 'vitest';
import type { Site } from '@/lib/content/site';
import { parseFeed } from '@/lib/content/test-feeds';
import { buildCommentFeed, postCommentsFeedPath } from './feed';
import type { CommentRow } from './queries';
import { buildPost } from './test-builders';

const site: Site = {
  title: 'Quire',
  description: 'News and commentary.',
  author: 'Quire',
  baseUrl: 'https://example.com',
  language: 'en',
  timeZone: 'Asia/Hong_Kong',
  postsPerPage: 10,
};

let nextId = 100;
function comment(overrides: Partial<CommentRow>): CommentRow {
  const createdAt = overrides.createdAt ?? new Date('2026-11-01T10:00:00Z');
  return {
    id: nextId++,
    postId: 'p',
    parentId: null,
    rootId: null,
    depth: 0,
    html: '<p>Hello.</p>',
    status: 'published',
    deletedBy: null,
    createdAt,
    publishedAt: createdAt,
    editedAt: null,
    authorId: 'u1',
    authorName: 'Ann',
    isGuest: false,
    guestWebsite: null,
    ...overrides,
  };
}

const post = buildPost({ id: 'from-russia-with-love', slug: 'from-russia-with-love', title: 'Tom & Jerry <live>' });

describe('buildCommentFeed', () => {
  it('is one post’s feed at Blogger’s address, named after the post, with a self link', () => {
    const feed = parseFeed(buildCommentFeed(site, [], post));
    expect(postCommentsFeedPath(post)).toBe('/feeds/from-russia-with-love/comments/default');
    expect(feed.id).toBe('https://example.com/feeds/from-russia-with-love/comments/default');
    expect(feed.title).toBe('Quire: comments on Tom & Jerry <live>');
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { rel: 'self', href: 'https://example.com/feeds/from-russia-with-love/comments/default' },
        { rel: 'alternate', href: `https://example.com${post.path}` },
      ]),
    );
    // No comments yet: the feed is as old as the post.
    expect(feed.updated).toBe(post.date.toISOString());
    expect(feed.entry).toBeUndefined();
  });

  it('carries each comment in full, newest first, linking to its permalink, by its author', () => {
    const edited = comment({
      authorName: 'Bo <b>',
      html: '<p>Edited, with <a href="https://example.org/" rel="nofollow ugc">a link</a> and ]]> twice ]]></p>',
      createdAt: new Date('2026-11-02T09:00:00Z'),
      editedAt: new Date('2026-11-02T09:05:00Z'),
    });
    const first = comment({ html: '<p>First!</p>' });
    const feed = parseFeed(
      buildCommentFeed(
        site,
        [
          { comment: edited, post },
          { comment: first, post },
        ],
        post,
      ),
    );

    expect(feed.updated).toBe('2026-11-02T09:05:00.000Z');
    const [newest, oldest] = feed.entry ?? [];
    expect(feed.entry).toHaveLength(2);
    expect(newest?.id).toBe(`https://example.com/comments/${edited.id}`);
    expect(newest?.link).toEqual([{ href: `https://example.com/comments/${edited.id}` }]);
    // Entry titles are HTML in Atom: the author's name and the post's title are escaped into it as text.
    expect(newest?.title).toEqual({ '#text': 'Bo &lt;b&gt; on Tom &amp; Jerry &lt;live&gt;', type: 'html' });
    expect(newest?.author).toEqual([{ name: 'Bo <b>' }]);
    expect(newest?.published).toBe('2026-11-02T09:00:00.000Z');
    expect(newest?.updated).toBe('2026-11-02T09:05:00.000Z');
    expect(newest?.content.type).toBe('html');
    expect(newest?.content['#text']).toBe(
      '<p>Edited, with <a href="https://example.org/" rel="nofollow ugc">a link</a> and ]]&gt; twice ]]&gt;</p>',
    );
    expect(oldest?.content['#text']).toBe('<p>First!</p>');
    expect(oldest?.updated).toBe('2026-11-01T10:00:00.000Z');
  });

  it('dates a comment approved later by its approval: its edits before then are not news', () => {
    const approved = comment({
      createdAt: new Date('2026-11-02T09:00:00Z'),
      editedAt: new Date('2026-11-02T09:05:00Z'),
      publishedAt: new Date('2026-11-03T08:00:00Z'),
    });
    const feed = parseFeed(buildCommentFeed(site, [{ comment: approved, post }], post));
    expect(feed.updated).toBe('2026-11-03T08:00:00.000Z');
    expect(feed.entry?.[0]?.published).toBe('2026-11-03T08:00:00.000Z');
    expect(feed.entry?.[0]?.updated).toBe('2026-11-03T08:00:00.000Z');
  });

  it('is the whole blog’s feed without a post, each entry naming the post it is on', () => {
    const other = buildPost({ title: 'Another post' });
    const feed = parseFeed(
      buildCommentFeed(site, [
        { comment: comment({ authorName: 'Cy' }), post: other },
        { comment: comment({ authorName: 'Di' }), post },
      ]),
    );
    expect(feed.id).toBe('https://example.com/feeds/comments/default');
    expect(feed.title).toBe('Quire: comments');
    expect(feed.link).toEqual(
      expect.arrayContaining([{ rel: 'self', href: 'https://example.com/feeds/comments/default' }]),
    );
    expect(feed.entry?.map((entry) => entry.title['#text'])).toEqual([
      'Cy on Another post',
      'Di on Tom &amp; Jerry &lt;live&gt;',
    ]);
  });
});
