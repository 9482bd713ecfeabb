import { deleteCommentAction } from '@/app/actions/delete-comment-action';

/**
 * Delete, one step away: an author's deletion cannot be undone, not even by an admin, so a slip
 * of the finger on a phone must not be enough. A disclosure, so the step works without JavaScript.
 * `returnTo` is the page it is on.
 */
export function DeleteCommentButton({ commentId, returnTo }: { commentId: number; returnTo: string }) {
  return (
    <details className="delete-confirm">
      <summary className="link-button">Delete</summary>
      <form action={deleteCommentAction} className="inline-form">
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        Delete this comment for good?{' '}
        <button type="submit" className="link-button">
          Yes, delete it
        </button>
      </form>
    </details>
  );
}
