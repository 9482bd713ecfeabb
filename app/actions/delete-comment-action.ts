'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer, safeReturnPath } from '@/lib/auth';
import { deletedNoticeUrl, notDeletedUrl, removeComment } from '@/lib/comments/change-comment';
import { unlessCommentsDown } from '@/lib/comments/unavailable';

/**
 * Delete one's own comment, then show the thread again. Whatever goes wrong (signed out meanwhile,
 * the comment already gone or changed by a moderator, the database down) lands back on the page
 * the reader was on, saying why nothing was deleted, never on an error page.
 */
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get('returnTo'));
  const result = await unlessCommentsDown(async () => {
    const viewer = await getViewer();
    return viewer ? removeComment({ id: formData.get('commentId'), viewer }) : null;
  });
  if (result === null) redirect(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
  // The thread's address differs from the page's only by its #fragment, which the client router
  // would treat as a scroll; refreshing makes it render the thread again without the comment.
  refresh();
  // Done, the reader stays on the page of the thread they deleted from (a later one, say), told so.
  if (!result.ok) redirect(notDeletedUrl(returnTo, result.status));
  redirect(deletedNoticeUrl(formData.has('returnTo') ? returnTo : result.url, result.value.id));
}
