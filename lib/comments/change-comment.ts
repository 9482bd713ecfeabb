import { getPostById } from '@/lib/content/posts';
import { editRefused, limitEditing, tooFast } from '@/lib/rate-limits';
import type { Viewer } from '@/lib/users/accounts';
import { CommentError } from './errors';
import { deleteComment, editComment, type WrittenComment } from './mutations';
import { commentIdSchema, editCommentSchema, fieldErrors } from './schemas';
import { getCommentSettings } from './settings';
import { isSignedNotice, locateComment, noticeText, signedNotice, withNotice } from './post-comment';

export type ChangeResult<T> =
  | { ok: true; value: T; url: string }
  | { ok: false; status: number; errors: Record<string, string>; /** With 429: when to try again. */ retryAfterSeconds?: number };

function refusal(error: unknown): { ok: false; status: number; errors: Record<string, string> } {
  if (error instanceof CommentError) return { ok: false, status: error.status, errors: { [error.field]: error.message } };
  throw error;
}

/** Editing, as the form and `PATCH /api/comments/{id}` both do it. */
export async function changeCommentText(options: { id: unknown; viewer: Viewer; input: unknown }): Promise<ChangeResult<WrittenComment>> {
  const id = commentIdSchema.safeParse(options.id);
  if (!id.success) return { ok: false, status: 404, errors: { request: 'That comment does not exist.' } };
  const parsed = editCommentSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const limited = await limitEditing(options.viewer.id);
  if (!limited.ok) {
    return tooFast(limited);
  }
  const settings = await getCommentSettings();
  try {
    const comment = await editComment({ id: id.data, viewer: options.viewer, body: parsed.data.body, settings });
    const post = await getPostById(comment.postId);
    // Saved: if finding its page fails now, the post's thread will do.
    const url = post ? await locateComment(post, comment.id, options.viewer, settings.commentsPerPage).catch(() => `${post.path}#c${comment.id}`) : '/';
    return { ok: true, value: comment, url };
  } catch (error) {
    // Refused (not theirs, past its window, banned, changed meanwhile): nothing was saved, so it
    // does not use up the author's edits, as a refused comment does not use up their comments.
    if (error instanceof CommentError) await editRefused(options.viewer.id);
    return refusal(error);
  }
}

/** Deleting, as the form and `DELETE /api/comments/{id}` both do it. */
export async function removeComment(options: { id: unknown; viewer: Viewer }): Promise<ChangeResult<{ id: number; postId: string }>> {
  const id = commentIdSchema.safeParse(options.id);
  if (!id.success) return { ok: false, status: 404, errors: { request: 'That comment does not exist.' } };
  try {
    const removed = await deleteComment({ id: id.data, viewer: options.viewer });
    const post = await getPostById(removed.postId);
    return { ok: true, value: removed, url: post ? `${post.path}#comments` : '/' };
  } catch (error) {
    return refusal(error);
  }
}

/** What the author of a Delete is told: a receipt, true on the page left open or reloaded. */
export const DELETED_RECEIPT = 'Your comment is deleted.';

/**
 * The page the reader deleted from, saying it is done: the comment, gone from the thread (or left
 * as its replies' placeholder), said nothing itself. Signed (`signedNotice`), as the held notice is.
 */
export function deletedNoticeUrl(pageAddress: string, commentId: number): string {
  return withNotice(pageAddress, 'deleted', signedNotice('deleted', commentId));
}

/** Whether `?deleted=` is one deletedNoticeUrl wrote. */
export function isDeletedNotice(value: string | undefined): boolean {
  return isSignedNotice('deleted', value);
}

/** Why a Delete did nothing, keyed by the refusal's status, as `?not-deleted=409` asks the page to say. */
export const NOT_DELETED = {
  '403': 'That comment was not deleted: you can only delete your own comments.',
  '404': 'That comment was not deleted: it no longer exists.',
  '409': 'Your comment was not deleted: a moderator changed it meanwhile. The thread below is as it is now.',
  '503': 'Comments are temporarily unavailable, so your comment was not deleted. Please try again in a little while.',
} as const;

/** What `?not-deleted=` asks the page to say; null for a value no Delete sends. */
export function notDeletedMessage(status: string | undefined): string | null {
  return noticeText(NOT_DELETED, status);
}

/** The page the reader deleted from, saying why nothing was deleted. */
export function notDeletedUrl(pageAddress: string, status: number): string {
  const key = String(status);
  return withNotice(pageAddress, 'not-deleted', Object.hasOwn(NOT_DELETED, key) ? key : '404');
}
