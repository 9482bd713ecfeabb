'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminForAction } from '@/app/(admin)/_lib/guard';
import { safeReturnPath } from '@/lib/auth';
import { commentIdSchema } from '@/lib/comments/schemas';
import { landingAfterModeration } from '@/lib/moderation/console';
import { moderateComments, notModeratedUrl, postPageLanding } from '@/lib/moderation/moderate';
import { fromStatusSchema, moderationActionSchema } from '@/lib/moderation/schemas';

/** `from`: the status the page drew the comment in; only a comment still in it is moved. */
const inputSchema = z.object({ commentId: commentIdSchema, action: moderationActionSchema, from: fromStatusSchema });

/**
 * An admin's button under a comment on the post page. Always ends in a redirect back to the
 * thread, which without JavaScript is the page itself and with it a re-render in place — also
 * while the database is down, when the thread says why nothing changed.
 */
export async function adminModerateCommentAction(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get('returnTo'));
  const landing = await postPageLanding(returnTo, async () => {
    const access = await adminForAction();
    if (!access.ok) return access.status === 401 ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : returnTo;
    const input = inputSchema.safeParse({ commentId: formData.get('commentId'), action: formData.get('action'), from: formData.get('from') });
    if (!input.success) return returnTo;
    const { commentId, action, from } = input.data;
    const outcome = await moderateComments({ ids: [commentId], action, actor: access.admin, from });
    // A form sent for a comment gone meanwhile, for one its author deleted, or for one someone else
    // moderated since the page was drawn: say why nothing changed.
    if (outcome.missing.length > 0) return notModeratedUrl(returnTo, '404');
    if (outcome.deletedByAuthor.length > 0) return notModeratedUrl(returnTo, '409');
    if (outcome.changedMeanwhile.length > 0) return notModeratedUrl(returnTo, '412');
    // No button offers Restore on a comment awaiting moderation: a form made by hand lands on the page as it is.
    if (outcome.awaitingModeration.length > 0) return returnTo;
    return landingAfterModeration(returnTo, commentId, action, access.admin);
  });
  // The address often differs from the page's only by its #fragment, which the client router treats
  // as a scroll: without a refresh the comment stayed until the next live check noticed.
  refresh();
  redirect(landing);
}
