import { SiteLink } from '@/components/site-link';
import { adminSetPostClosedAction } from '@/app/actions/admin-set-post-closed-action';
import { FocusAfterSubmit } from './focus-after-submit';

/** The button that closes or reopens a post's comments: where the focus goes back once it has. */
const CLOSING_BUTTON_ID = 'post-comments-closing';

/**
 * For admins, above a post's thread: close or reopen its comments. A post closed by its front
 * matter or by age stays closed whatever is pressed here, so that case is said rather than offered.
 */
export function PostModerationControls({
  postId,
  returnTo,
  closedByAdmin,
  closedRegardless,
}: {
  postId: string;
  returnTo: string;
  closedByAdmin: boolean;
  /** Why the post stays closed whatever is pressed here (lib/moderation/hold-rules), if it does. */
  closedRegardless: string | null;
}) {
  return (
    <div className="admin-post-controls" role="group" aria-label="Admin">
      {closedRegardless ? (
        <span>{closedRegardless}</span>
      ) : (
        <form action={adminSetPostClosedAction} className="inline-form">
          <input type="hidden" name="postId" value={postId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <input type="hidden" name="closed" value={closedByAdmin ? '0' : '1'} />
          <FocusAfterSubmit targets={`${CLOSING_BUTTON_ID} comments`} />
          <button type="submit" className="link-button" id={CLOSING_BUTTON_ID}>
            {closedByAdmin ? 'Reopen comments' : 'Close comments'}
          </button>
        </form>
      )}
      <SiteLink href="/admin">Moderation queue</SiteLink>
    </div>
  );
}
