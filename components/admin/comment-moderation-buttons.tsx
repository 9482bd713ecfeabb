import { adminModerateCommentAction } from '@/app/actions/admin-moderate-comment-action';
import { moderatorMay, type ModerationAction } from '@/lib/moderation/moderate';
import { FocusAfterSubmit } from './focus-after-submit';

const BY_STATUS: Record<string, { action: ModerationAction; label: string }[]> = {
  pending: [
    { action: 'approve', label: 'Approve' },
    { action: 'spam', label: 'Spam' },
    { action: 'delete', label: 'Delete' },
  ],
  published: [
    { action: 'spam', label: 'Spam' },
    { action: 'delete', label: 'Delete' },
  ],
  deleted: [{ action: 'restore', label: 'Restore' }],
  spam: [{ action: 'restore', label: 'Restore' }],
};

/**
 * An admin's buttons under a comment on the post page: one small form, no JavaScript needed. What
 * its author deleted is not a moderator's to bring back, so it gets no Restore or Approve.
 */
export function CommentModerationButtons({
  commentId,
  status,
  deletedBy,
  returnTo,
}: {
  commentId: number;
  status: string;
  deletedBy: string | null;
  returnTo: string;
}) {
  const buttons = (BY_STATUS[status] ?? []).filter(({ action }) => moderatorMay(action, deletedBy));
  if (buttons.length === 0) return null;
  return (
    <form action={adminModerateCommentAction} className="inline-form admin-comment-buttons" aria-label={`Moderate comment ${commentId}`}>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {/* The status this page drew: if someone moderates the comment meanwhile, their decision stands. */}
      <input type="hidden" name="from" value={status} />
      {/* The comment, where it now is (approved, it may be on another page), or the section. */}
      <FocusAfterSubmit targets={`c${commentId} comments`} />
      {buttons.map(({ action, label }) => (
        <button key={action} type="submit" name="action" value={action} className="link-button">
          {label}
        </button>
      ))}
    </form>
  );
}
