'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { changeCommentText } from '@/lib/comments/change-comment';
import { heldNoticeUrl } from '@/lib/comments/post-comment';
import { type CommentFormState, formBox, typedValues } from '@/lib/comments/form-state';
import { previewAnswer } from '@/lib/comments/preview';
import { unlessCommentsDown } from '@/lib/comments/unavailable';
import { clientIp } from '@/lib/http/client-ip';

/** Save an edit to one's own comment, then show it in its thread. */
export async function editCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = typedValues(formData, ['body']);
  const box = formBox('edit', formData.get('commentId'));
  // Preview shows the rewritten text as it would read and saves nothing (lib/comments/preview).
  if (formData.get('intent') === 'preview') return previewAnswer(formData, clientIp(await headers()), { values, box });
  // The database down (here or while saving): the edit box keeps the new text and says why.
  const result = await unlessCommentsDown(async () => {
    const viewer = await getViewer();
    if (!viewer) return null;
    return changeCommentText({ id: formData.get('commentId'), viewer, input: { body: formData.get('body') ?? '' } });
  });
  if (result === null) return { status: 'error', errors: { request: 'Sign in to edit your comment.' }, values, box };
  if (!result.ok) return { status: 'error', errors: result.errors, values, box };
  // Saved means done: back to the comment without ?edit, so the edit box closes with or without
  // JavaScript; the refresh makes the client router render the new text rather than reuse the old.
  refresh();
  // An edit the rules hold again (or send to spam) is out of other readers' sight: say so.
  redirect(result.value.status === 'published' ? result.url : heldNoticeUrl(result.url, result.value.id));
}
