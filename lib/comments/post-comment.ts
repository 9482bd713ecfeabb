import { timingSafeEqual } from 'node:crypto';
import { signWithBlogKey } from '@/lib/auth/secret';
import { getPostById, type Post } from '@/lib/content/posts';
import { commentRefused, limitCommenting, tooFast } from '@/lib/rate-limits';
import { type FormSignals, judgeForm } from '@/lib/spam';
import type { Viewer } from '@/lib/users/accounts';
import { CommentError } from './errors';
import { assertMayComment, GUEST_NAME_MISSING, writeComment, type WrittenComment } from './mutations';
import { findCommentFor, findCommentPage } from './queries';
import { fieldErrors, newCommentSchema } from './schemas';
import { getCommentSettings } from './settings';

export type PostCommentResult =
  | { ok: true; comment: WrittenComment; post: Post }
  | {
      ok: false;
      status: number;
      errors: Record<string, string>;
      /** With 429: when to try again. */
      retryAfterSeconds?: number;
      /** The stamp the form must carry next, when the one it sent cannot succeed. */
      freshStamp?: string;
    };

/**
 * Posting a comment, as both doors (the form's server action and the JSON API) do it: find the
 * post, parse the input, apply the blog's rules (closed, guests, bans), check (for the form) the
 * spam signals, count the rate limits, write. Refusals come back as field messages; only what
 * was written, or kept as spam, uses up the limits.
 */
export async function postComment(options: {
  postId: string;
  viewer: Viewer | null;
  input: unknown;
  ip?: string | null;
  /** Only the form sends these; the API has no honeypot or stamp. */
  form?: FormSignals;
}): Promise<PostCommentResult> {
  const post = await getPostById(options.postId);
  if (!post) return { ok: false, status: 404, errors: { postId: 'There is no post with that id.' } };
  const parsed = newCommentSchema.safeParse(options.input);
  if (!parsed.success) return { ok: false, status: 400, errors: await withGuestName(fieldErrors(parsed.error), options) };
  const settings = await getCommentSettings();
  let counted = false;
  try {
    await assertMayComment(post, options.viewer, parsed.data, settings);
    // A form sent too soon writes nothing, so it is judged before it can count as a comment.
    const verdict = options.form ? judgeForm(options.form) : { kind: 'person' as const };
    if (verdict.kind === 'refused') return { ok: false, status: 400, errors: { request: verdict.message }, freshStamp: verdict.freshStamp };
    const limited = await limitCommenting(options.viewer?.id, options.ip);
    if (!limited.ok) {
      return tooFast(limited);
    }
    counted = true;
    const comment = await writeComment({
      post,
      viewer: options.viewer,
      input: parsed.data,
      settings,
      ip: options.ip,
      spamReason: verdict.kind === 'spam' ? verdict.reason : undefined,
    });
    return { ok: true, comment, post };
  } catch (error) {
    if (!(error instanceof CommentError)) throw error;
    // Refused once counted (a reply to a removed comment, a double post): nothing was written.
    if (counted) await commentRefused(options.viewer?.id, options.ip);
    return { ok: false, status: error.status, errors: { [error.field]: error.message } };
  }
}

/**
 * A guest's missing name is the blog's rule (`assertMayComment`), asked once the input is valid; a
 * form refused for other fields says it too, so the guest puts everything right in one go.
 */
async function withGuestName(errors: Record<string, string>, options: { viewer: Viewer | null; input: unknown }) {
  if (options.viewer || errors.name) return errors;
  const typed = typeof options.input === 'object' && options.input !== null ? (options.input as Record<string, unknown>).name : undefined;
  const name = newCommentSchema.shape.name.safeParse(typed);
  if (!name.success || name.data) return errors;
  // Only where guests may comment; the settings unreadable now, the other messages still go back.
  const settings = await getCommentSettings().catch(() => null);
  return settings?.whoMayComment === 'anyone' ? { ...errors, name: GUEST_NAME_MISSING } : errors;
}

/**
 * Where `viewer` reads a comment: its post's page of comments that holds it for them. Costs a
 * count over the thread, so only the doors that send the reader there ask (not the JSON API).
 */
export async function locateComment(
  post: Pick<Post, 'path'>,
  commentId: number,
  viewer: Viewer | null,
  perPage?: number,
): Promise<string> {
  const located = await findCommentPage(commentId, perPage ?? (await getCommentSettings()).commentsPerPage, viewer);
  return commentUrl(post, commentId, located?.page ?? 1);
}

/**
 * Where `viewer` reads comment `id`, from its id alone: its post's page of comments that holds it
 * (`/2016/09/slug?comments=2#c42`). Null when there is no such comment, its post is not
 * published, or the thread does not show it or its place to `viewer` (`findCommentFor`), so an
 * id a reader may not see answers as one that does not exist. Where only its place is left (it
 * was removed), the address asks the page to say so (`?removed=42#comments`), which a #fragment
 * naming nothing cannot. Links that know only the id (the moderation queue, the log) go through this.
 */
export async function commentAddress(id: number, viewer: Viewer | null): Promise<string | null> {
  const found = await findCommentFor(id, viewer);
  if (!found) return null;
  const { commentsPerPage } = await getCommentSettings();
  const located = await findCommentPage(id, commentsPerPage, viewer);
  const post = located && (await getPostById(located.postId));
  if (!post) return null;
  const address = commentUrl(post, id, located.page);
  return found === 'drawn' ? address : withNotice(address, 'removed', String(id));
}

/**
 * What the author of a held comment (or one caught as spam: they hear the same either way) is told.
 * A receipt of what happened when they sent it, not a state: the words stay true on a page left
 * open, or reloaded, after a moderator has approved the comment.
 */
export const HELD_RECEIPT = 'Thanks! Your comment was sent for moderation.';

/**
 * Where to send the author of a comment that is held (or caught as spam): the same page of the
 * thread, with HELD_RECEIPT. The notice names the comment, signed (`?held=42.<signature>`): the
 * page says so to whoever was sent there after writing one, not to anyone handed the address with
 * `?held=1`.
 */
export function heldNoticeUrl(commentAddress: string, commentId: number): string {
  return withNotice(commentAddress, 'held', signedNotice('held', commentId));
}

/** Whether `?held=` is one heldNoticeUrl wrote. */
export function isHeldNotice(value: string | undefined): boolean {
  return isSignedNotice('held', value);
}

/** What a signed notice tells its reader: their comment waits for a moderator, or is deleted. */
export type SignedNoticeKind = 'held' | 'deleted';

/**
 * A receipt naming the comment it is about, signed with the blog's key (`42.<signature>`), for a
 * notice only the reader who did something should read: an address anyone can write would let a
 * link tell a reader that their comment waits, or was deleted, when they wrote nothing.
 */
export function signedNotice(kind: SignedNoticeKind, commentId: number): string {
  return `${commentId}.${noticeSignature(kind, commentId)}`;
}

/** Whether `value` is a signedNotice of `kind`. */
export function isSignedNotice(kind: SignedNoticeKind, value: string | undefined): boolean {
  const [id, given, ...rest] = (value ?? '').split('.');
  if (!id || !given || rest.length > 0 || !/^[1-9]\d{0,15}$/.test(id)) return false;
  const expected = Buffer.from(noticeSignature(kind, Number(id)));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function noticeSignature(kind: SignedNoticeKind, commentId: number): string {
  return signWithBlogKey(`${kind}-notice:${commentId}`).toString('base64url').slice(0, 16);
}

/**
 * What the page says at a comment's address (`?removed=42`, from `commentAddress`) when its thread
 * does not draw that comment. Unsigned, so the page asks the database (`findCommentFor`): an
 * address naming a comment shown elsewhere in the thread, or on another post, says nothing.
 */
export const REMOVED_COMMENT = 'The comment this link leads to has been removed.';

/** The message `?name=value` stands for in a page's `messages`; null for a value nothing sends. */
export function noticeText(messages: Readonly<Record<string, string>>, value: string | undefined): string | null {
  return value !== undefined && Object.hasOwn(messages, value) ? (messages[value] ?? null) : null;
}

/** A page of the thread (`/2016/09/slug?comments=2#c42`) with one notice added, shown at #comments. */
export function withNotice(address: string, name: string, value: string): string {
  const [page = ''] = address.split('#');
  return `${page}${page.includes('?') ? '&' : '?'}${name}=${value}#comments`;
}

/** The address of a comment on its post's page: `/2016/09/slug?comments=2#c42`. */
export function commentUrl(post: Pick<Post, 'path'>, commentId: number, page: number): string {
  return `${post.path}${page > 1 ? `?comments=${page}` : ''}#c${commentId}`;
}
