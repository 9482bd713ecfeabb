import { deleteCommentAction } from '@/app/actions/delete-comment-action';

/** A one-button form: deleting works without JavaScript too. */
export function DeleteCommentButton({ commentId }: { commentId: number }) {
  return (
    <form action={deleteCommentAction} className="inline-form">
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="link-button">
        Delete
      </button>
    </form>
  );
}
