'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth';
import { type CommentFormState, formBox, typedValues } from '@/lib/comments/form-state';
import { HELD_RECEIPT, heldNoticeUrl, locateComment, postComment } from '@/lib/comments/post-comment';
import { previewAnswer } from '@/lib/comments/preview';
import { unlessCommentsDown } from '@/lib/comments/unavailable';
import { clientIp } from '@/lib/http/client-ip';
import { HONEYPOT_FIELD, issueFormStamp } from '@/lib/spam';

const FIELDS = ['body', 'name', 'email', 'website'];

const SIGNED_OUT = 'You were signed out, so your comment was not published. Sign in again and publish it: your text is kept.';

/**
 * Publish a comment or reply from the post page. Without JavaScript the browser gets a redirect
 * to the new comment; with it (the form sets `js=1`) the page refreshes in place.
 */
export async function createCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  // repliedTo goes back too: the box then still knows its comment is gone, whatever else is refused.
  const values = typedValues(formData, [...FIELDS, 'repliedTo']);
  // A reply whose comment was removed is sent again without its parent, naming its box instead.
  const box = formBox('reply', formData.get('parentId') ?? formData.get('repliedTo'));
  const sent = formData.get('formStamp');
  // The box goes on with the stamp it was drawn with: a preview does not restart its clock (lib/spam).
  const keptStamp = typeof sent === 'string' && sent !== '' ? sent : undefined;
  // Preview (the box's second button) shows the comment and sends nothing to the thread.
  if (formData.get('intent') === 'preview') return previewAnswer(formData, clientIp(await headers()), { values, box, formStamp: keptStamp });
  const input = Object.fromEntries(
    [...FIELDS, 'parentId'].flatMap((field) => {
      const value = formData.get(field);
      return typeof value === 'string' && value !== '' ? [[field, value]] : [];
    }),
  );
  const result = await unlessCommentsDown(async () => {
    const viewer = await getViewer();
    // Signed out since the box was drawn (another tab, the session's end): where guests may
    // comment the server would ask for a name the box has no field for.
    if (!viewer && formData.get('as') === 'reader') return { ok: false as const, status: 401, errors: { request: SIGNED_OUT } };
    return postComment({
      postId: String(formData.get('postId') ?? ''),
      viewer,
      input,
      ip: clientIp(await headers()),
      form: { stamp: formData.get('formStamp'), honeypot: formData.get(HONEYPOT_FIELD) },
    });
  });
  if (!result.ok) {
    // Refused for who the reader is now or what the post allows now (signed out, banned, comments
    // closed meanwhile): with JavaScript the page is drawn again as it now is, and the box keeps
    // the text and offers what is possible (a guest's name, the link to sign in), not "Commenting as".
    if (result.status === 401 || result.status === 403) refresh();
    // The stamp goes back with the text, since the form it returns to may have been drawn without
    // one (where no comment could be written); a new one only when the old cannot succeed.
    const formStamp = ('freshStamp' in result ? result.freshStamp : undefined) ?? keptStamp ?? issueFormStamp();
    return { status: 'error', errors: result.errors, values, formStamp, box };
  }

  // Held or caught as spam, the author hears the same: it waits for a moderator.
  const held = result.comment.status !== 'published';
  // Asked once already for the comment (kept per request): the author, whose pages we send them to.
  const viewer = await getViewer().catch(() => null);
  // The comment is saved: if finding its page fails now, the post's thread will do.
  const address = () => locateComment(result.post, result.comment.id, viewer).catch(() => `${result.post.path}#c${result.comment.id}`);
  if (formData.get('js') !== '1') {
    const url = await address();
    redirect(held ? heldNoticeUrl(url, result.comment.id) : url);
  }
  refresh();
  // Where the author sees it: a held comment only a signed-in author sees in place (a guest's is
  // seen by no one yet), and spam by no one.
  const seen = result.comment.status === 'published' || (result.comment.status === 'pending' && viewer !== null);
  const commentUrl = seen ? await address() : undefined;
  return {
    status: 'ok',
    errors: {},
    values: {},
    commentId: result.comment.id,
    commentUrl,
    // Held, the receipt goes with the box: the address that closes it says it at the section's top.
    closesTo: box === formBox('comment') || !commentUrl ? undefined : held ? heldNoticeUrl(commentUrl, result.comment.id) : commentUrl,
    submittedAt: Date.now(),
    // The next comment from this box is timed from now, as it would be on a freshly drawn page.
    formStamp: issueFormStamp(),
    box,
    message: held ? HELD_RECEIPT : 'Your comment is published.',
  };
}
