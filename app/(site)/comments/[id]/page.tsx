import { notFound, redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { commentAddress } from '@/lib/comments/post-comment';
import { commentIdSchema } from '@/lib/comments/schemas';
import { unlessCommentsDown } from '@/lib/comments/unavailable';
import { isUnavailable } from '@/lib/db/health';
import { PartialPageMark } from '@/components/partial-page-mark';

export const metadata = { title: 'Comment', robots: { index: false } };

/**
 * `/comments/{id}`: a link to one comment that needs only its id. It sends the reader to the page
 * of the post's comments that holds it, which only the database knows (the thread grows and
 * pages move), so the moderation queue and the log link here rather than guess `#c{id}`. The viewer
 * comes from this request's session: a comment whose thread shows them neither it nor its place
 * (held, spam, or deleted before readers saw it; unless it is their own held one, or they are an
 * admin) answers the blog's 404, as an unknown id does, so ids tell nobody what is hidden.
 */
export default async function CommentPermalink({ params }: { params: Promise<{ id: string }> }) {
  const id = commentIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const address = await unlessCommentsDown(async () => commentAddress(id.data, await getViewer()));
  if (isUnavailable(address)) {
    return (
      <div className="not-found">
        <h1>Comments are temporarily unavailable</h1>
        <p className="status-message" role="status">
          The comment cannot be looked up right now. Please try this link again in a little while.
        </p>
        {/* Not kept by the page cache: once the database answers, the link leads to the comment again. */}
        <PartialPageMark />
      </div>
    );
  }
  if (!address) notFound();
  redirect(address);
}
