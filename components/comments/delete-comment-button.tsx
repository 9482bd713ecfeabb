'use client';

import { deleteCommentAction } from '@/app/actions/delete-comment-action';
import { focusAfterSend, SECTION_NOTICE_ID } from './focus-after-send';

/**
 * Delete, one step away: an author's deletion cannot be undone, not even by an admin, so a slip
 * of the finger on a phone must not be enough. A disclosure, so the step works without JavaScript.
 * `returnTo` is the page it is on; the focus goes on from what is left of the comment (its place,
 * where it has replies), or the section's word that it is deleted, which a screen reader then reads.
 */
export function DeleteCommentButton({ commentId, returnTo }: { commentId: number; returnTo: string }) {
  return (
    <details className="delete-confirm">
      <summary className="link-button">Delete</summary>
      <form
        action={deleteCommentAction}
        onSubmit={() => focusAfterSend(`c${commentId}`, SECTION_NOTICE_ID, 'comments')}
        className="inline-form"
      >
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
