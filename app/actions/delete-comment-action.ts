'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { removeComment } from '@/lib/comments/change-comment';

/** Delete one's own comment, then show the thread again. */
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect('/signin');
  const result = await removeComment({ id: formData.get('commentId'), viewer });
  // The thread's address differs from the page's only by its #fragment, which the client router
  // would treat as a scroll; refreshing makes it render the thread again without the comment.
  refresh();
  redirect(result.ok ? result.url : '/');
}
