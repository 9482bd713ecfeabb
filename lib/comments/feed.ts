import { Feed } from 'feed';
import { asCdata, textAsHtml } from '@/lib/content/feed';
import type { Post } from '@/lib/content/posts';
import type { Site } from '@/lib/content/site';
import { absoluteUrl } from '@/lib/content/urls';
import type { CommentRow } from './queries';

/** Blogger's addresses for comment feeds: the whole blog's, and one post's. */
export const BLOG_COMMENTS_FEED_PATH = '/feeds/comments/default';

export function postCommentsFeedPath(post: Pick<Post, 'id'>): string {
  return `/feeds/${encodeURIComponent(post.id)}/comments/default`;
}

/** How many of the newest published comments a comment feed carries. */
export const COMMENT_FEED_ENTRIES = 25;

/** What a comment feed says about a post: its title and address, and its date for an empty feed. */
type FedPost = Pick<Post, 'id' | 'title' | 'path' | 'date'>;

export type FedComment = { comment: CommentRow; post: FedPost };

/** When readers could first see it: set on every published comment (the migration that added it set it on the older ones). */
function publishedAt(comment: CommentRow): Date {
  return comment.publishedAt ?? comment.createdAt;
}

/** Its last edit, unless it was edited before it was approved: then its approval. */
function lastChanged(comment: CommentRow): Date {
  const published = publishedAt(comment);
  return comment.editedAt && comment.editedAt > published ? comment.editedAt : published;
}

/**
 * An Atom feed of published comments, newest first: the blog's (`post` omitted) or one post's.
 * Each entry links to the comment's permalink (`/comments/{id}`), which finds the page of the
 * thread that holds it however the thread grows.
 */
export function buildCommentFeed(site: Site, comments: FedComment[], post?: FedPost): string {
  const selfPath = post ? postCommentsFeedPath(post) : BLOG_COMMENTS_FEED_PATH;
  const home = absoluteUrl(site.baseUrl, post ? post.path : '/');
  const newest = comments[0]?.comment;
  const feed = new Feed({
    id: absoluteUrl(site.baseUrl, selfPath),
    title: post ? `${site.title}: comments on ${post.title}` : `${site.title}: comments`,
    description: post ? `Comments on “${post.title}”` : `Comments on ${site.title}`,
    link: home,
    language: site.language,
    updated: newest ? lastChanged(newest) : (post?.date ?? new Date(0)),
    generator: 'Quire',
    feedLinks: { atom: absoluteUrl(site.baseUrl, selfPath) },
    author: { name: site.author },
    copyright: `© ${site.author}`,
  });
  for (const { comment, post: on } of comments) {
    const url = absoluteUrl(site.baseUrl, `/comments/${comment.id}`);
    feed.addItem({
      id: url,
      link: url,
      title: textAsHtml(`${comment.authorName} on ${on.title}`),
      date: lastChanged(comment),
      published: publishedAt(comment),
      content: asCdata(comment.html),
      author: [{ name: comment.authorName }],
    });
  }
  return feed.atom1();
}
