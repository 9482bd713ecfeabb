import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getCommentCounts } from '@/lib/comments/queries';
import { paginate } from '@/lib/content/listing';
import type { Post } from '@/lib/content/posts';
import { getSite } from '@/lib/content/site';
import { Pager } from './pager';
import { PostListing } from './post-listing';
import { PartialPageMark } from '@/components/partial-page-mark';

/**
 * One page of posts with its heading and pager. An empty listing or a page past the end is a 404,
 * so archive months without posts do not exist as pages.
 */
export async function ListingPage({
  posts,
  basePath,
  page,
  heading,
}: {
  posts: Post[];
  basePath: string;
  page: number;
  heading: ReactNode;
}) {
  const site = getSite();
  const current = posts.length > 0 ? paginate(posts, page, site.postsPerPage) : undefined;
  if (!current && !(basePath === '/' && page === 1)) notFound();
  // One query for the page's counts; if the database is down the listing simply shows none.
  const commentCounts = current ? await getCommentCounts(current.items.map((post) => post.id)).catch(() => undefined) : undefined;
  return (
    <>
      {heading}
      {current ? (
        <>
          <PostListing posts={current.items} timeZone={site.timeZone} commentCounts={commentCounts} />
          {!commentCounts && <PartialPageMark />}
        </>
      ) : (
        <p className="status-message">No posts yet.</p>
      )}
      {current && <Pager basePath={basePath} page={current.page} pageCount={current.pageCount} />}
    </>
  );
}
