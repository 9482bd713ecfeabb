import { isUnavailable } from '@/lib/db/health';
import { getPostById, listPublishedPosts } from '@/lib/content/posts';
import { getSite } from '@/lib/content/site';
import { buildCommentFeed, COMMENT_FEED_ENTRIES } from './feed';
import { listRecentPublished, listRecentPublishedOn } from './queries';
import { unlessCommentsDown } from './unavailable';

// Feed readers poll; a minute at a shared cache is fresh enough for comments.
const FEED_HEADERS = {
  'Content-Type': 'application/atom+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
};

/** `/feeds/comments/default`: the newest published comments on every published post. */
export async function blogCommentFeedResponse(): Promise<Response> {
  const posts = await listPublishedPosts();
  const byId = new Map(posts.map((post) => [post.id, post]));
  const rows = await unlessCommentsDown(() => listRecentPublishedOn([...byId.keys()], COMMENT_FEED_ENTRIES));
  if (isUnavailable(rows)) return unavailable();
  const comments = rows.flatMap((comment) => {
    const post = byId.get(comment.postId);
    return post ? [{ comment, post }] : [];
  });
  return new Response(buildCommentFeed(getSite(), comments), { headers: FEED_HEADERS });
}

/** `/feeds/{postId}/comments/default`: one post's newest published comments; 404 for no such post. */
export async function postCommentFeedResponse(postId: string): Promise<Response> {
  const post = await getPostById(postId);
  if (!post)
    return new Response('There is no post with that id.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const rows = await unlessCommentsDown(() => listRecentPublished(post.id, COMMENT_FEED_ENTRIES));
  if (isUnavailable(rows)) return unavailable();
  const comments = rows.map((comment) => ({ comment, post }));
  return new Response(buildCommentFeed(getSite(), comments, post), { headers: FEED_HEADERS });
}

/** The database is down: the feed says so and when to come back; the blog's pages still read. */
function unavailable(): Response {
  return new Response('Comments are temporarily unavailable. Please try again in a little while.\n', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' },
  });
}
