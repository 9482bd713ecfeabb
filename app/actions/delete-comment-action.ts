'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { removeComment } from '@/lib/comments/change-comment';

/** Delete one's own comment, then show the thread again. */
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect('/signin');
  const result = await removeComment({ id: formData.get('commentId'), viewer });
  redirect(result.ok ? result.url : '/');
}
