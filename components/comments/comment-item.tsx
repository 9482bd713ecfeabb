import { formatTimestamp } from '@/lib/content/dates';
import type { CommentRow } from '@/lib/comments/queries';
import type { Editing } from '@/lib/comments/section';
import type { ThreadNode } from '@/lib/comments/rules';
import { CommentModerationButtons } from '../admin/comment-moderation-buttons';
import { Avatar } from '../avatar';
import { CommentForm } from './comment-form';
import { DeleteCommentButton } from './delete-comment-button';
import { EditCommentForm } from './edit-comment-form';
import { ReturnFocusLink } from './return-focus-link';

export interface ThreadContext {
  postId: string;
  postPath: string;
  page: number;
  timeZone: string;
  viewerId: string | null;
  canComment: boolean;
  replyTo: number | null;
  /** `replyTo` names a comment that can no longer be answered (removed meanwhile). */
  replyGone: boolean;
  /** The edit the address asks for (`?edit=`) is of a comment no longer the viewer's to rewrite (removed meanwhile). */
  editGone: boolean;
  /**
   * What the address asks of the comment boxes (`?reply=`, `?edit=`), whether or not it can be
   * drawn: answers given before the address last changed (a Cancel, another Reply) are done with.
   */
  boxesAsked: string;
  editing: Editing | null;
  editableIds: Set<number>;
  /** The comment forms' signed render time (lib/spam/form-stamp). */
  formStamp: string;
  /** Set for admins only: why each held comment waits, and the page their buttons return to. */
  moderation?: { heldReasons: Map<number, string | null>; returnTo: string };
}

export function commentHref(ctx: Pick<ThreadContext, 'postPath' | 'page'>, query: Record<string, string | number>, hash: string) {
  const params = new URLSearchParams();
  if (ctx.page > 1) params.set('comments', String(ctx.page));
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  const search = params.toString();
  return `${ctx.postPath}${search ? `?${search}` : ''}#${hash}`;
}

/** Blogger's words for a comment readers cannot read that stays as a placeholder for its replies. */
function removedNote(status: string, deletedBy: string | null): string {
  if (status === 'pending') return 'This comment is awaiting moderation.';
  if (status === 'spam') return 'This comment has been removed by a blog administrator.';
  if (deletedBy === 'author') return 'This comment has been removed by the author.';
  if (deletedBy === 'moderator') return 'This comment has been removed by a blog administrator.';
  return 'This comment has been removed.';
}

/** One comment in Blogger's shape: avatar, name, permalink time, body, and its actions; replies nest inside. */
export function CommentItem({ comment, ctx }: { comment: ThreadNode<CommentRow>; ctx: ThreadContext }) {
  const anchor = `c${comment.id}`;
  const own = ctx.viewerId !== null && comment.authorId === ctx.viewerId;
  const heldReason = ctx.moderation?.heldReasons.get(comment.id);
  return (
    <li className={`comment${comment.removed ? ' comment-removed' : ''}`} id={anchor}>
      {comment.removed ? (
        <>
          <p className="comment-removed-note">{removedNote(comment.status, comment.deletedBy)}</p>
          {ctx.moderation && (
            <div className="comment-actions">
              <CommentModerationButtons commentId={comment.id} status={comment.status} deletedBy={comment.deletedBy} returnTo={ctx.moderation.returnTo} />
            </div>
          )}
        </>
      ) : (
        <article className="comment-card" aria-labelledby={`${anchor}-author`}>
          <header className="comment-header">
            <Avatar name={comment.authorName} />
            <span className="comment-author" id={`${anchor}-author`}>
              {comment.isGuest && comment.guestWebsite ? (
                <a href={comment.guestWebsite} rel="nofollow ugc noopener">
                  {comment.authorName}
                </a>
              ) : (
                comment.authorName
              )}
            </span>
            <a className="comment-permalink" href={commentHref(ctx, {}, anchor)}>
              <time dateTime={comment.createdAt.toISOString()}>{formatTimestamp(comment.createdAt, ctx.timeZone)}</time>
            </a>
            {comment.editedAt && <span className="comment-edited">edited</span>}
          </header>
          {comment.status === 'pending' && (
            <p className="comment-pending">
              {own ? 'Your comment is awaiting moderation.' : `Awaiting moderation${heldReason ? ` (${heldReason})` : ''}.`}
            </p>
          )}
          {ctx.editing?.id === comment.id ? (
            <EditCommentForm
              commentId={comment.id}
              body={ctx.editing.body}
              text={<div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.html }} />}
              windowOver={!ctx.editing.open && !ctx.editing.banned}
              banned={ctx.editing.banned}
              cancelHref={commentHref(ctx, {}, anchor)}
            />
          ) : (
            <div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.html }} />
          )}
          <div className="comment-actions">
            {ctx.canComment && comment.status === 'published' && (
              <ReturnFocusLink focusKey={`reply-${comment.id}`} href={commentHref(ctx, { reply: comment.id }, `reply-${comment.id}`)} scroll={false}>
                Reply
              </ReturnFocusLink>
            )}
            {own && ctx.editableIds.has(comment.id) && ctx.editing?.id !== comment.id && (
              <ReturnFocusLink focusKey={`edit-${comment.id}`} href={commentHref(ctx, { edit: comment.id }, anchor)} scroll={false}>
                Edit
              </ReturnFocusLink>
            )}
            {/* Drawn afresh (closed) when the edit box opens or closes: Delete's question under Save reads as Save's. */}
            {own && (
              <DeleteCommentButton
                key={ctx.editing?.id === comment.id ? 'editing' : 'reading'}
                commentId={comment.id}
                returnTo={commentHref(ctx, {}, 'comments')}
              />
            )}
            {/* On their own comments admins already have Delete; the rest would make no sense there. */}
            {ctx.moderation && !own && (
              <CommentModerationButtons commentId={comment.id} status={comment.status} deletedBy={comment.deletedBy} returnTo={ctx.moderation.returnTo} />
            )}
          </div>
        </article>
      )}
      {/* Drawn even where no reply may be written now (the post just closed, the reader was signed
          out), so that a refused reply comes back here with its text and the reason. */}
      {ctx.replyTo === comment.id && (
        <div className="reply-form" id={`reply-${comment.id}`}>
          <CommentForm
            postId={ctx.postId}
            formStamp={ctx.canComment ? ctx.formStamp : ''}
            parentId={comment.id}
            // A placeholder names no author: the box is labelled as the reply at the section's top is.
            label={comment.removed ? 'Your reply' : `Reply to ${comment.authorName}`}
            cancelHref={commentHref(ctx, {}, anchor)}
            guest={ctx.viewerId === null}
            onlyIfRefused={!ctx.canComment}
            opened
          />
        </div>
      )}
      {comment.replies.length > 0 && (
        <ol className="comment-replies">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} ctx={ctx} />
          ))}
        </ol>
      )}
    </li>
  );
}
