import { signWithBlogKey } from '@/lib/auth/secret';
import { getDb, lockComments, serializeOn, type DbTransaction } from '@/lib/db';
import type { Post } from '@/lib/content/posts';
import { banMessage, getActiveBan } from '@/lib/moderation/bans';
import { closedRegardless, decideHold, decideHoldAfterEdit } from '@/lib/moderation/hold-rules';
import type { Viewer } from '@/lib/users/accounts';
import { nameRefusal } from '@/lib/users/names';
import { CommentError } from './errors';
import { getThreadState } from './queries';
import { renderCommentMarkdown } from './render';
import {
  canDeleteComment,
  counterDelta,
  editWindowClosed,
  editWindowOverMessage,
  firstPublishedAt,
  removedFromAfter,
  replyPlacement,
} from './rules';
import type { NewCommentInput } from './schemas';
import type { CommentSettings } from './settings';

export interface WrittenComment {
  id: number;
  postId: string;
  parentId: number | null;
  status: string;
  html: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  authorName: string;
}

/**
 * A written comment as the JSON API answers it: everything but the Markdown source. One caught as
 * spam answers as held, as the form says: the sender hears nothing that helps a script learn the
 * spam rules.
 */
export function writtenForApi({ body: _source, ...comment }: WrittenComment): Omit<WrittenComment, 'body'> {
  return comment.status === 'spam' ? { ...comment, status: 'pending' } : comment;
}

const writtenSelect = {
  id: true,
  postId: true,
  parentId: true,
  status: true,
  html: true,
  body: true,
  createdAt: true,
  editedAt: true,
  guestName: true,
  author: { select: { name: true } },
} as const;

function toWritten({
  author,
  guestName,
  ...row
}: {
  id: number;
  postId: string;
  parentId: number | null;
  status: string;
  html: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  guestName: string | null;
  author: { name: string } | null;
}): WrittenComment {
  return { ...row, authorName: author?.name ?? guestName ?? 'Anonymous' };
}

/**
 * The post's counters move with every status change, in the same transaction as the change: a
 * batch of `getDb()` calls, or an interactive transaction's `client`.
 */
export function bumpThread(
  postId: string,
  delta: { published: number; topLevel: number },
  client: Pick<DbTransaction, 'postThread'> = getDb(),
) {
  return client.postThread.upsert({
    where: { postId },
    create: {
      postId,
      publishedCount: Math.max(0, delta.published),
      topLevelCount: Math.max(0, delta.topLevel),
      version: 1,
    },
    update: {
      publishedCount: { increment: delta.published },
      topLevelCount: { increment: delta.topLevel },
      version: { increment: 1 },
    },
  });
}

/**
 * Counts one comment's status change into its post's counters, inside the transaction that made
 * it. A reply's change moves its conversation's count of published replies (one update, under the
 * row's lock, so concurrent changes add up), and with it, maybe, whether that conversation's
 * top-level comment holds a place; a top-level comment's own place depends on that count. A
 * transaction that changes a comment it did not create locks it and its top-level comment first
 * (`lockComments`).
 */
export async function countStatusChange(
  tx: Pick<DbTransaction, 'comment'>,
  comment: { id: number; parentId: number | null; rootId: number | null },
  before: string | null,
  after: string,
): Promise<{ published: number; topLevel: number }> {
  if (comment.parentId === null) {
    const { publishedReplies, deletedFrom } =
      before === null
        ? { publishedReplies: 0, deletedFrom: null }
        : await tx.comment.findUniqueOrThrow({
            where: { id: comment.id },
            select: { publishedReplies: true, deletedFrom: true },
          });
    return counterDelta(before, after, { isTopLevel: true, publishedReplies, deletedFrom });
  }
  const { published } = counterDelta(before, after, null);
  if (published === 0 || comment.rootId === null) return { published, topLevel: 0 };
  const root = await tx.comment.update({
    where: { id: comment.rootId },
    data: { publishedReplies: { increment: published } },
    select: { status: true, publishedReplies: true, deletedFrom: true },
  });
  return counterDelta(before, after, {
    isTopLevel: false,
    status: root.status,
    publishedReplies: root.publishedReplies - published,
    deletedFrom: root.deletedFrom,
  });
}

/**
 * A reader's address as kept beside a guest's comment, to tell two guests of one name apart.
 * Keyed with the blog's secret: a plain hash of an IPv4 address is undone by hashing all four
 * billion of them, so it would keep the address in all but name.
 */
export function hashIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return signWithBlogKey(ip).toString('hex').slice(0, 32);
}

/**
 * Closed by front matter or by age (`closedRegardless`, as the comment section says it) or by an
 * admin: the thread stays readable but takes no new comments.
 */
export async function commentsAreClosed(
  post: Post,
  settings: Pick<CommentSettings, 'autoCloseDays'>,
): Promise<boolean> {
  return closedRegardless(post, settings.autoCloseDays, new Date()) !== null || (await getThreadState(post.id)).closed;
}

export async function assertCommentsOpen(post: Post, settings: Pick<CommentSettings, 'autoCloseDays'>): Promise<void> {
  if (await commentsAreClosed(post, settings)) {
    throw new CommentError(403, COMMENTS_CLOSED, 'request');
  }
}

/**
 * What one account's new comments, a ban on that account and its renames take turns on
 * (`serializeOn`), so a comment is either written before the ban, and hidden with the rest, or
 * refused by it; and a rename sees every thread the account has written in.
 */
export function accountsTurn(userId: string): string {
  return `account:${userId}`;
}

const COMMENTS_CLOSED = 'Comments are closed on this post.';

/** Within this time, the same text from the same author in the same place of a post's thread is a double post. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Whether `viewer` may comment on `post` at all: the post takes comments, guests are allowed
 * (and named), the account is not banned. Asked before the rate limits are counted, so someone
 * retrying a refusal hears why rather than "too fast".
 */
export async function assertMayComment(
  post: Post,
  viewer: Viewer | null,
  input: Pick<NewCommentInput, 'name'>,
  settings: CommentSettings,
): Promise<void> {
  await assertCommentsOpen(post, settings);
  if (!viewer && settings.whoMayComment === 'users') throw new CommentError(401, 'Sign in to comment.', 'request');
  if (!viewer && !input.name) throw new CommentError(400, GUEST_NAME_MISSING, 'name');
  // A guest's name shows on the comment as an account's does, so it answers to the same rules.
  const refused = !viewer && input.name ? await nameRefusal(input.name, null, settings) : null;
  if (refused) throw new CommentError(400, refused, 'name');
  if (viewer) {
    const ban = await getActiveBan(viewer.id);
    if (ban) throw new CommentError(403, banMessage(ban), 'request');
  }
}

export const GUEST_NAME_MISSING = 'Enter your name to comment as a guest.';

export type NewComment = {
  post: Post;
  viewer: Viewer | null;
  input: NewCommentInput;
  settings: CommentSettings;
  ip?: string | null;
  spamReason?: string;
  now?: Date;
};

/**
 * Where a reply goes, asked in the transaction that writes it with its comment and conversation
 * locked (lockComments, in id order as moderation locks them): a moderator removing the comment
 * meanwhile either lands first, and the reply is refused, or waits for the reply to be written.
 */
async function placeReply(tx: DbTransaction, options: { parentId: number; postId: string; maxDepth: number }) {
  const where = { id: options.parentId, postId: options.postId, status: 'published' };
  const select = { id: true, parentId: true, depth: true, rootId: true };
  const seen = await tx.comment.findFirst({ where, select });
  if (seen) await lockComments(tx, [seen.id, seen.rootId]);
  const parent = seen && (await tx.comment.findFirst({ where, select }));
  if (!parent)
    throw new CommentError(404, 'The comment you are replying to does not exist or was removed.', 'parentId');
  return replyPlacement(parent, options.maxDepth);
}

/**
 * A new comment or reply on `post`, once `assertMayComment` allowed it. Whether it is published,
 * held or marked spam is the hold rules' call (lib/moderation/hold-rules), unless the form already
 * caught a script (`spamReason`); replies to missing comments and double posts are refused.
 */
export async function writeComment(options: NewComment): Promise<WrittenComment> {
  const { post, viewer, input, settings } = options;
  const db = getDb();
  const ipHash = hashIp(options.ip);
  // A guest is known by name and address; two guests called Anna on one network are rare.
  const sameAuthor = viewer ? { authorId: viewer.id } : { authorId: null, guestName: input.name ?? null, ipHash };
  const sameComment = {
    postId: post.id,
    body: input.body,
    status: { not: 'deleted' },
    createdAt: { gte: new Date((options.now ?? new Date()).getTime() - DUPLICATE_WINDOW_MS) },
    ...sameAuthor,
  };

  const approved =
    viewer && viewer.role !== 'admin' && settings.holdFor === 'first-time'
      ? await db.comment.findFirst({
          // Approved once is approved: taking one's own published comment back, or an edit that holds
          // it again (it keeps when it was first published), does not make the next one a first. One
          // a moderator removed does not count.
          where: {
            authorId: viewer.id,
            OR: [
              { status: 'published' },
              { status: 'pending', publishedAt: { not: null } },
              {
                status: 'deleted',
                deletedBy: 'author',
                OR: [{ deletedFrom: 'published' }, { publishedAt: { not: null } }],
              },
            ],
          },
          select: { id: true },
        })
      : null;
  const html = await renderCommentMarkdown(input.body);
  const { status, reason } = options.spamReason
    ? { status: 'spam' as const, reason: options.spamReason }
    : decideHold({
        body: input.body,
        html,
        author: {
          kind: !viewer ? 'guest' : viewer.role === 'admin' ? 'admin' : 'user',
          approvedCount: approved ? 1 : 0,
        },
        settings,
      });
  const created = await db.$transaction(async (tx: DbTransaction) => {
    // Asked inside the transaction, one author's comments in turn: a double click sends two
    // requests at once, and both would find no earlier copy if asked side by side.
    await serializeOn(tx, viewer ? accountsTurn(viewer.id) : `guest-comment:${post.id}:${JSON.stringify(sameAuthor)}`);
    // Asked again in turn with a ban on the account (banUser), which would otherwise land
    // between the first check and this write and miss the comment when it hides the rest.
    const ban = viewer && (await getActiveBan(viewer.id, new Date(), tx));
    if (ban) throw new CommentError(403, banMessage(ban), 'request');
    const placement =
      input.parentId === undefined
        ? { parentId: null, depth: 0, rootId: null }
        : await placeReply(tx, { parentId: input.parentId, postId: post.id, maxDepth: settings.maxReplyDepth });
    // Where it would go, as stored (a reply to the deepest comments joins their parent's replies):
    // the same words in answer to another comment ("Thanks!" to two people) are two comments.
    if (await tx.comment.findFirst({ where: { ...sameComment, parentId: placement.parentId }, select: { id: true } })) {
      throw new CommentError(409, 'You have already posted this comment.');
    }
    const row = await tx.comment.create({
      data: {
        postId: post.id,
        ...placement,
        authorId: viewer?.id ?? null,
        guestName: viewer ? null : (input.name ?? null),
        guestEmail: viewer ? null : (input.email ?? null),
        guestWebsite: viewer ? null : (input.website ?? null),
        body: input.body,
        html,
        status,
        heldReason: reason,
        ipHash,
        publishedAt: firstPublishedAt(status, null, options.now ?? new Date()),
        changedAt: options.now ?? new Date(),
      },
      select: writtenSelect,
    });
    const thread = await bumpThread(
      post.id,
      await countStatusChange(tx, { id: row.id, ...placement }, null, status),
      tx,
    );
    // Closed by an admin since assertMayComment asked: the Close holds the thread's row until it is
    // done, so this write waited for it and sees it here, and is undone rather than land after it.
    if (thread.closed) throw new CommentError(403, COMMENTS_CLOSED, 'request');
    return row;
  });
  return toWritten(created);
}

function isRecordNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2025';
}

const CHANGED_MEANWHILE =
  'This comment was changed (by a moderator) while you were working on it. Reload the page and try again.';

async function findOwnComment(id: number, viewer: Viewer) {
  const comment = await getDb().comment.findUnique({
    where: { id },
    select: {
      id: true,
      postId: true,
      authorId: true,
      status: true,
      heldReason: true,
      createdAt: true,
      publishedAt: true,
      parentId: true,
      rootId: true,
    },
  });
  // Someone else's held comment is one this reader cannot see: it answers as one that does not
  // exist, so trying ids tells nobody what awaits moderation.
  if (
    !comment ||
    comment.status === 'deleted' ||
    comment.status === 'spam' ||
    (comment.status === 'pending' && comment.authorId !== viewer.id)
  ) {
    throw new CommentError(404, 'That comment does not exist or was removed.', 'request');
  }
  if (comment.authorId !== viewer.id) throw new CommentError(403, 'You can only change your own comments.', 'request');
  return comment;
}

/**
 * The author rewrites their comment inside the edit window; it is then marked "edited". The new
 * text goes through the hold rules again (lib/moderation/hold-rules), so an approved comment can
 * be held or marked spam by what it now says.
 */
export async function editComment(options: {
  id: number;
  viewer: Viewer;
  body: string;
  settings: CommentSettings;
  now?: Date;
}): Promise<WrittenComment> {
  const comment = await findOwnComment(options.id, options.viewer);
  // The ban first: it is why the author can edit nothing, whatever the time (as the edit box says).
  const ban = await getActiveBan(options.viewer.id);
  if (ban) throw new CommentError(403, banMessage(ban), 'request');
  if (editWindowClosed(comment, options.now ?? new Date(), options.settings.editWindowMinutes)) {
    throw new CommentError(403, editWindowOverMessage(options.settings.editWindowMinutes), 'request');
  }
  const html = await renderCommentMarkdown(options.body);
  const { status, reason } = decideHoldAfterEdit({
    body: options.body,
    html,
    author: { kind: options.viewer.role === 'admin' ? 'admin' : 'user' },
    settings: options.settings,
    current: { status: comment.status === 'pending' ? 'pending' : 'published', reason: comment.heldReason },
  });
  const db = getDb();
  // Only if nobody moderated it since it was read: the new status and the counters assume the old one.
  const updated = await db
    .$transaction(async (tx: DbTransaction) => {
      await lockComments(tx, [comment.id, comment.rootId]);
      const row = await tx.comment.update({
        where: { id: comment.id, status: comment.status },
        data: {
          body: options.body,
          html,
          editedAt: options.now ?? new Date(),
          changedAt: options.now ?? new Date(),
          status,
          heldReason: reason,
          publishedAt: firstPublishedAt(status, comment.publishedAt, options.now ?? new Date()),
          // Caught as spam by what it now says: an admin's Restore brings it back where it was.
          removedFrom: removedFromAfter(comment.status, status, null),
        },
        select: writtenSelect,
      });
      await bumpThread(comment.postId, await countStatusChange(tx, comment, comment.status, status), tx);
      return row;
    })
    .catch((error: unknown) => {
      throw isRecordNotFound(error) ? new CommentError(409, CHANGED_MEANWHILE, 'request') : error;
    });
  return toWritten(updated);
}

/**
 * The author removes their comment. Nothing is erased: the row keeps its text and gets status
 * "deleted", so the thread keeps its shape and moderators keep their record.
 */
export async function deleteComment(options: {
  id: number;
  viewer: Viewer;
  now?: Date;
}): Promise<{ id: number; postId: string }> {
  const comment = await findOwnComment(options.id, options.viewer);
  if (!canDeleteComment(comment, options.viewer))
    throw new CommentError(403, 'You can only delete your own comments.', 'request');
  const db = getDb();
  await db
    .$transaction(async (tx: DbTransaction) => {
      await lockComments(tx, [comment.id, comment.rootId]);
      await tx.comment.update({
        where: { id: comment.id, status: comment.status },
        data: {
          status: 'deleted',
          deletedAt: options.now ?? new Date(),
          changedAt: options.now ?? new Date(),
          deletedBy: 'author',
          deletedFrom: comment.status,
          removedFrom: removedFromAfter(comment.status, 'deleted', null),
        },
      });
      await bumpThread(comment.postId, await countStatusChange(tx, comment, comment.status, 'deleted'), tx);
    })
    .catch(async (error: unknown) => {
      if (!isRecordNotFound(error)) throw error;
      // A second press of Delete sent before the first was done (a double click without
      // JavaScript) finds the comment deleted by its author: done, not changed by a moderator.
      const now = await db.comment.findUnique({ where: { id: comment.id }, select: { status: true, deletedBy: true } });
      if (now?.status !== 'deleted' || now.deletedBy !== 'author')
        throw new CommentError(409, CHANGED_MEANWHILE, 'request');
    });
  return { id: comment.id, postId: comment.postId };
}
