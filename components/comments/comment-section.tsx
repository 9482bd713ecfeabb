import { SiteLink } from '@/components/site-link';
import type { ReactNode } from 'react';
import type { Post } from '@/lib/content/posts';
import type { CommentPage } from '@/lib/comments/queries';
import { postCommentsFeedPath } from '@/lib/comments/feed';
import { formBox } from '@/lib/comments/form-state';
import { commentCountLabel, threadIds } from '@/lib/comments/rules';
import type { Viewer } from '@/lib/users/accounts';
import { CommentForm } from './comment-form';
import { CommentItem, commentHref, type ThreadContext } from './comment-item';
import { FocusAfterSend, SECTION_NOTICE_ID } from './focus-after-send';
import { ReturnFocusFallback } from './return-focus-link';
import { LiveComments } from './live-comments';
import { MissingCommentNotice } from './missing-comment-notice';
import { ThreadForms } from './thread-forms';
import { UnansweredBoundary } from './unanswered-boundary';
import { postsShown } from '../posts-shown';
import { PartialPageMark } from '@/components/partial-page-mark';

export type CommentSectionData =
  | { available: false }
  | {
      available: true;
      count: number;
      version: number;
      closed: boolean;
      page: CommentPage;
      guestsAllowed: boolean;
      banned: string | null;
    };

/** A word about what the reader just did: their comment is held or deleted, or their Delete did nothing. */
export type SectionNotice = { tone: 'done' | 'refused'; text: string };

/**
 * Blogger's footer, alive: "N comments:", the thread, and "Post a Comment". Rendered on the server
 * so readers without JavaScript and search engines see every comment.
 */
export function CommentSection({
  post,
  data,
  viewer,
  ctx,
  notice,
  adminControls,
}: {
  post: Post;
  data: CommentSectionData;
  viewer: Viewer | null;
  ctx: ThreadContext;
  notice: SectionNotice | null;
  /** Admins' close/reopen control, shown above the thread. */
  adminControls?: ReactNode;
}) {
  // Signing in or registering brings the reader back to this page of the thread.
  const returnTo = encodeURIComponent(commentHref(ctx, {}, 'comments'));
  const closed = data.available && data.closed;
  // Who may write here now. The form is drawn in the same place whatever the state (see CommentForm's
  // onlyIfRefused): without JavaScript, a comment refused because the post closed, the reader was
  // signed out or the database went down comes back to that place with its text.
  const mayWrite = data.available && !data.closed && ctx.canComment;
  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading" {...postsShown([post.id])}>
      <h2 id="comments-heading">{data.available ? <>{commentCountLabel(data.count)}:</> : 'Comments'}</h2>
      <ReturnFocusFallback to="comments-heading" />
      <UnansweredBoundary>
        <ThreadForms
          postId={post.id}
          guest={!viewer}
          asked={ctx.boxesAsked}
          drawn={drawnBoxes(data, ctx)}
          cancelHref={commentHref(ctx, {}, 'comments')}
          formStamp={mayWrite ? ctx.formStamp : ''}
          replyGone={ctx.replyGone}
          editGone={ctx.editGone}
        >
          {data.available && adminControls}
          {notice && (
            <p className={notice.tone === 'done' ? 'form-success' : 'form-error'} role="status" id={SECTION_NOTICE_ID}>
              {notice.text}
            </p>
          )}
          {data.available && <MissingCommentNotice postPath={post.path} />}
          {!data.available && (
            <p className="status-message" role="status">
              Comments are temporarily unavailable. The post is all here; please try the comments again in a little
              while.
            </p>
          )}
          {data.available && data.page.thread.length > 0 && (
            <ol className="comment-list">
              {data.page.thread.map((comment) => (
                <CommentItem key={comment.id} comment={comment} ctx={ctx} />
              ))}
            </ol>
          )}
          {data.available && data.page.pageCount > 1 && <CommentPager page={data.page} ctx={ctx} />}
          <div className="post-a-comment" id="post-a-comment">
            <h3>Post a Comment</h3>
            {closed && <p className="status-message">Comments are closed.</p>}
            {data.available && !closed && data.banned && <p className="status-message">{data.banned}</p>}
            {data.available && !closed && !ctx.canComment && !viewer && (
              <p className="sign-in-prompt">
                <SiteLink href={`/signin?returnTo=${returnTo}`}>Sign in</SiteLink> or{' '}
                <SiteLink href={`/register?returnTo=${returnTo}`}>register</SiteLink> to post a comment.
              </p>
            )}
            {mayWrite && viewer && (
              <p className="commenting-as">
                Commenting as <strong>{viewer.name}</strong>
              </p>
            )}
            {/* No stamp where nobody may write: a page without one is served from the page cache as it is. */}
            <CommentForm
              postId={post.id}
              formStamp={mayWrite ? ctx.formStamp : ''}
              label="Your comment"
              guest={!viewer}
              onlyIfRefused={!mayWrite}
            />
            {mayWrite && !viewer && (
              <p className="form-hint">
                Or <SiteLink href={`/signin?returnTo=${returnTo}`}>sign in</SiteLink> to comment under your name.
              </p>
            )}
          </div>
          <p className="comment-feed-link">
            <a href={postCommentsFeedPath(post)}>Subscribe to: Post Comments (Atom)</a>
          </p>
          {data.available ? <LiveComments postId={post.id} version={data.version} /> : <PartialPageMark />}
          {data.available && <FocusAfterSend version={data.version} />}
        </ThreadForms>
      </UnansweredBoundary>
    </section>
  );
}

/** The comment boxes this render draws (`formBox` names): the new-comment box, and the reply or edit box of a comment the thread shows. */
function drawnBoxes(data: CommentSectionData, ctx: ThreadContext): string[] {
  const shown = data.available ? threadIds(data.page.thread) : new Set<number>();
  const boxes = [formBox('comment')];
  if (ctx.replyTo !== null && shown.has(ctx.replyTo)) boxes.push(formBox('reply', ctx.replyTo));
  if (ctx.editing && shown.has(ctx.editing.id)) boxes.push(formBox('edit', ctx.editing.id));
  return boxes;
}

/**
 * "« Oldest ‹ Older comments · Comments page 2 of 5 · Newer comments › Newest »", as links that work
 * without JavaScript. The ends are offered where they are more than one step away: a long thread's
 * newest comments are on its last page.
 */
function CommentPager({ page, ctx }: { page: CommentPage; ctx: ThreadContext }) {
  const to = (number: number) => commentHref({ ...ctx, page: number }, {}, 'comments');
  return (
    <nav className="pager comment-pager" aria-label="More comments">
      <span className="pager-side">
        {page.page > 2 && <SiteLink href={to(1)}>« Oldest</SiteLink>}
        {page.page > 1 && (
          <SiteLink href={to(page.page - 1)} rel="prev">
            ‹ Older comments
          </SiteLink>
        )}
      </span>
      <span className="pager-position">
        Comments page {page.page} of {page.pageCount}
      </span>
      <span className="pager-side">
        {page.page < page.pageCount && (
          <SiteLink href={to(page.page + 1)} rel="next">
            Newer comments ›
          </SiteLink>
        )}
        {page.page < page.pageCount - 1 && <SiteLink href={to(page.pageCount)}>Newest »</SiteLink>}
      </span>
    </nav>
  );
}
