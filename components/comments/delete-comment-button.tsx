import { deleteCommentAction } from '@/app/actions/delete-comment-action';

/** A one-button form: deleting works without JavaScript too. `returnTo` is the page it is on. */
export function DeleteCommentButton({ commentId, returnTo }: { commentId: number; returnTo: string }) {
  return (
    <form action={deleteCommentAction} className="inline-form">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="link-button">
        Delete
      </button>
    </form>
  );
}
