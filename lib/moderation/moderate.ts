import { accountsTurn, bumpThread, countStatusChange } from '@/lib/comments/mutations';
import { firstPublishedAt, removedFromAfter, type CommentStatus } from '@/lib/comments/rules';
import { getCommentSettings } from '@/lib/comments/settings';
import { noticeText, withNotice } from '@/lib/comments/post-comment';
import { MODERATION_UNAVAILABLE } from '@/lib/comments/unavailable';
import { getPostById } from '@/lib/content/posts';
import { getDb, lockComments, serializeOn, type DbTransaction } from '@/lib/db';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import type { Viewer } from '@/lib/users/accounts';
import { auditEntryData } from './audit';
import { closedRegardless } from './hold-rules';
import { banIsActive } from './bans';

export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const statusAfter: Record<Exclude<ModerationAction, 'restore'>, string> = {
  approve: 'published',
  spam: 'spam',
  delete: 'deleted',
};

/**
 * The status `action` moves a comment to. Restore undoes a removal, so it brings a comment back
 * where it was removed from: to the thread, or to the queue if it was awaiting moderation then
 * (publishing that would publish what nobody approved).
 */
function statusAfterAction(action: ModerationAction, removedFrom: string | null): string {
  if (action === 'restore') return removedFrom === 'pending' ? 'pending' : 'published';
  return statusAfter[action];
}


/** Sums each post's counter changes so one upsert per post carries them. */
class ThreadDeltas {
  private readonly byPost = new Map<string, { published: number; topLevel: number }>();
  add(postId: string, delta: { published: number; topLevel: number }) {
    const current = this.byPost.get(postId) ?? { published: 0, topLevel: 0 };
    this.byPost.set(postId, { published: current.published + delta.published, topLevel: current.topLevel + delta.topLevel });
  }
  /** Each post's counters, through the transaction's client; posts in id order, so locks are taken alike. */
  async apply(tx: DbTransaction) {
    const sorted = [...this.byPost.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [postId, delta] of sorted) await bumpThread(postId, delta, tx);
  }
}

/**
 * Moves each of `rows` from status `from` to `to` (with `data`), one by one and only while it is
 * still in `from` and matches `where`, so a comment someone else moderated meanwhile is left
 * alone; counts the moves into `deltas`. Answers how many moved.
 */
async function moveEach(
  tx: DbTransaction,
  rows: { id: number; postId: string; parentId: number | null; rootId: number | null; publishedAt: Date | null }[],
  move: { from: string; to: string; where?: { hiddenByBanId: { in: number[] } }; data: { hiddenByBanId: number | null } },
  deltas: ThreadDeltas,
  /** Each comment moved gets a line of its own in the log, so its history says why it moved. */
  logged: { actorId: string; action: 'ban' | 'unban'; reason: string },
): Promise<number> {
  let moved = 0;
  const now = new Date();
  await lockComments(tx, rows.flatMap((row) => [row.id, row.rootId]));
  for (const row of rows) {
    const { count } = await tx.comment.updateMany({
      where: { id: row.id, status: move.from, ...move.where },
      data: {
        status: move.to,
        publishedAt: firstPublishedAt(move.to, row.publishedAt, now),
        changedAt: now,
        // A ban moves comments out of the thread or the queue, and the unban back to the thread.
        removedFrom: removedFromAfter(move.from, move.to, null),
        ...move.data,
      },
    });
    if (count === 0) continue;
    moved += 1;
    deltas.add(row.postId, await countStatusChange(tx, row, move.from, move.to));
    await tx.auditEntry.create({
      data: auditEntryData({
        actorId: logged.actorId,
        action: logged.action,
        targetType: 'comment',
        targetId: String(row.id),
        before: move.from,
        after: move.to,
        reason: logged.reason,
      }),
    });
  }
  return moved;
}

/** "1 comment", "3 held comments": how the log counts what a ban moved. */
function comments(count: number, kind = ''): string {
  return `${count} ${kind}comment${count === 1 ? '' : 's'}`;
}

/** A moderation step the rules refuse; the doors show its message. */
export class ModerationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModerationRefused';
  }
}

/**
 * What a moderation step did: the comments it changed, the ids that name no comment at all, the
 * comments it left because their own authors deleted them, those it left because someone changed
 * them since the admin saw them (no longer in the status the step was asked to move from), and
 * those a Restore left because they await moderation (nobody removed them; they are approved).
 * `backInQueue`: those of `changed` a Restore sent back to await moderation, where they were
 * when removed.
 */
export interface ModerationOutcome {
  changed: number[];
  missing: number[];
  deletedByAuthor: number[];
  changedMeanwhile: number[];
  awaitingModeration: number[];
  backInQueue: number[];
}

/**
 * Whether a moderator's `action` may move a comment whose removal was `deletedBy`: what its own
 * author deleted stays deleted (taking it back was the author's choice), so it is never published
 * again by a moderator (restore or approve), nor marked spam, which would lose its place in the
 * thread and, deleted again from there, read as the moderator's removal. The queue, the post
 * page's buttons and moderateComments all ask.
 */
export function moderatorMay(action: ModerationAction, deletedBy: string | null): boolean {
  return deletedBy !== 'author' || action === 'delete';
}

/** Why a comment its author deleted is left alone; the doors show it as it is. */
export const DELETED_BY_AUTHOR =
  'Its author deleted this comment, so it stays deleted: a moderator can restore or mark as spam only what a moderator removed.';

/**
 * Why Restore leaves a comment awaiting moderation; the doors show it as it is. Restored, it would
 * be published with nobody's approval on record: the log would read "restore" for a comment no one
 * had removed.
 */
export const AWAITING_MODERATION =
  'This comment is awaiting moderation, so it was left as it is: a comment awaiting moderation is approved, not restored. Restore brings back only what was deleted or marked as spam.';

/** Why a moderator's button on the post page changed nothing, as `?not-moderated=` asks the page to say. */
export const NOT_MODERATED = {
  '404': 'That comment was not changed: it no longer exists.',
  '409': DELETED_BY_AUTHOR,
  '412': 'That comment was not changed: someone changed it since this page was drawn. Here it is as it stands now.',
  '503': MODERATION_UNAVAILABLE,
} as const;

/** What `?not-moderated=` asks the page to say; null for a value no button sends. */
export function notModeratedMessage(status: string | undefined): string | null {
  return noticeText(NOT_MODERATED, status);
}

/** The page the admin pressed a button on, saying why nothing changed. */
export function notModeratedUrl(pageAddress: string, status: keyof typeof NOT_MODERATED): string {
  return withNotice(pageAddress, 'not-moderated', status);
}

/**
 * Where an admin's control on the post page (a comment's buttons, close/reopen) lands: where
 * `work` says, or — while the database is out of reach — back on the page it was pressed on,
 * saying nothing changed and why. The post itself comes from its file and still shows; an error
 * page would lose it.
 */
export async function postPageLanding(pageAddress: string, work: () => Promise<string>): Promise<string> {
  const landing = await unlessDatabaseDown(work, MODERATION_UNAVAILABLE);
  return isUnavailable(landing) ? notModeratedUrl(pageAddress, '503') : landing;
}

/**
 * Approve, mark as spam, delete or restore comments — one or many — each change with its audit
 * entry and the posts' counters, all in one transaction. Comments already in the target status
 * are left alone and not logged again — also when two requests (a double click, two admins)
 * moderate the same comment at once: each update only applies if the status is still the one
 * read, so a comment is counted and logged once. Ids with no comment come back as `missing`, so
 * the doors can tell "nothing to do" from "no such comment". A comment its author deleted is never
 * published again or marked spam by a moderator (`moderatorMay`): taking it back was the author's
 * choice, so it comes back in `deletedByAuthor` and the rest of a bulk step goes ahead. Restore
 * brings back only what was removed (deleted or marked spam): a comment awaiting moderation is
 * approved, so Restore leaves it and it comes back in `awaitingModeration`. And it brings it back
 * where it was: one removed while awaiting moderation goes back to the queue (`backInQueue`).
 *
 * `from` is the status the admin saw the comments in (the queue's tab, the status a post page
 * drew). Only comments still in it move: one another moderator (or its author) changed since is
 * left as they made it and comes back in `changedMeanwhile`, so a stale page never undoes
 * someone else's decision. Without `from` (an API caller that does not say) a comment moves from
 * whatever status it has now.
 */
export async function moderateComments(options: {
  ids: number[];
  action: ModerationAction;
  actor: Viewer;
  reason?: string | null;
  from?: CommentStatus;
}): Promise<ModerationOutcome> {
  const now = new Date();
  return getDb().$transaction(async (tx: DbTransaction) => {
    // Every row this step may change (the comments and their conversations' top-level comments),
    // locked in id order before any change, so concurrent steps cannot deadlock; then read again,
    // as the lock found them.
    const asked = await tx.comment.findMany({ where: { id: { in: options.ids } }, select: { id: true, rootId: true } });
    await lockComments(tx, asked.flatMap((row) => [row.id, row.rootId]));
    const rows = await tx.comment.findMany({
      where: { id: { in: options.ids } },
      select: { id: true, postId: true, parentId: true, rootId: true, status: true, deletedBy: true, publishedAt: true, removedFrom: true },
      orderBy: { id: 'asc' },
    });
    const found = new Set(rows.map((row) => row.id));
    const missing = [...new Set(options.ids)].filter((id) => !found.has(id)).sort((a, b) => a - b);
    const deltas = new ThreadDeltas();
    const changed: number[] = [];
    const deletedByAuthor: number[] = [];
    const changedMeanwhile: number[] = [];
    const awaitingModeration: number[] = [];
    const backInQueue: number[] = [];
    const audit: ReturnType<typeof auditEntryData>[] = [];
    for (const row of rows) {
      const target = statusAfterAction(options.action, row.removedFrom);
      if (row.status === target) continue;
      if (options.from !== undefined && row.status !== options.from) {
        changedMeanwhile.push(row.id);
        continue;
      }
      if (options.action === 'restore' && row.status === 'pending') {
        awaitingModeration.push(row.id);
        continue;
      }
      if (!moderatorMay(options.action, row.deletedBy)) {
        deletedByAuthor.push(row.id);
        continue;
      }
      const { count } = await tx.comment.updateMany({
        where: { id: row.id, status: row.status },
        data: {
          status: target,
          publishedAt: firstPublishedAt(target, row.publishedAt, now),
          changedAt: now,
          removedFrom: removedFromAfter(row.status, target, row.removedFrom),
          ...(target === 'deleted' ? { deletedAt: now, deletedBy: row.deletedBy === 'author' ? 'author' : 'moderator', deletedFrom: row.status } : { hiddenByBanId: null }),
          ...(target === 'published' || target === 'pending' ? { deletedAt: null, deletedBy: null } : {}),
          // Back in the queue it keeps why it was held, which the queue shows.
          ...(target === 'published' ? { heldReason: null } : {}),
        },
      });
      if (count === 0) {
        changedMeanwhile.push(row.id); // changed by someone else since it was read
        continue;
      }
      changed.push(row.id);
      if (target === 'pending') backInQueue.push(row.id);
      audit.push(
        auditEntryData({
          actorId: options.actor.id,
          action: options.action,
          targetType: 'comment',
          targetId: String(row.id),
          before: row.status,
          after: target,
          reason: options.reason,
        }),
      );
      deltas.add(row.postId, await countStatusChange(tx, row, row.status, target));
    }
    if (audit.length > 0) await tx.auditEntry.createMany({ data: audit });
    await deltas.apply(tx);
    return { changed, missing, deletedByAuthor, changedMeanwhile, awaitingModeration, backInQueue };
  });
}

/**
 * What closing and reopening one post's comments take turns on (`serializeOn`): each reads the
 * state the one before it left, so the log's before and after follow on from each other when two
 * admins press at once. A lock on the thread's row would not do: a post nobody has commented on or
 * closed has no row yet.
 */
function closingTurn(postId: string): string {
  return `post-closed:${postId}`;
}

/** Close or reopen comments on a post; closed threads stay readable. */
export async function setPostClosed(options: { postId: string; closed: boolean; actor: Viewer; now?: Date }): Promise<void> {
  const { postId } = options;
  // Reopening a post its file or its age closes would be logged and answered as done while readers
  // still find it closed.
  const post = options.closed ? undefined : await getPostById(postId);
  if (post) {
    const { autoCloseDays } = await getCommentSettings();
    const reason = closedRegardless(post, autoCloseDays, options.now ?? new Date());
    if (reason) throw new ModerationRefused(`${reason} Reopening here cannot open them.`);
  }
  await getDb().$transaction(async (tx: DbTransaction) => {
    await serializeOn(tx, closingTurn(postId));
    const before = await tx.postThread.findUnique({ where: { postId }, select: { closed: true } });
    await tx.postThread.upsert({
      where: { postId },
      create: { postId, closed: options.closed, version: 1 },
      update: { closed: options.closed, version: { increment: 1 } },
    });
    await tx.auditEntry.create({
      data: auditEntryData({
        actorId: options.actor.id,
        action: options.closed ? 'close' : 'reopen',
        targetType: 'post',
        targetId: postId,
        before: before?.closed ? 'closed' : 'open',
        after: options.closed ? 'closed' : 'open',
      }),
    });
  });
}

/**
 * Ban a commenter: new comments are refused until `endsAt` (or for good). With `hideComments`,
 * their published comments are hidden now, marked with this ban so unbanning restores exactly them,
 * and their comments awaiting moderation are marked spam: left in the queue, clearing it with
 * Approve right after the ban would publish them. Nobody ever saw those, so unbanning leaves them.
 * One transaction, and each comment changes only if it is still published, so a moderator deleting
 * one meanwhile is neither undone nor counted twice. Admins cannot ban themselves (always a slip).
 */
export async function banUser(options: {
  userId: string;
  reason: string;
  endsAt: Date | null;
  hideComments: boolean;
  actor: Viewer;
}): Promise<{ banId: number; hidden: number }> {
  if (options.userId === options.actor.id) throw new ModerationRefused('You cannot ban yourself.');
  return getDb().$transaction(async (tx: DbTransaction) => {
    await serializeOn(tx, accountsTurn(options.userId)); // after any comment of theirs being written
    const ban = await tx.ban.create({
      data: { userId: options.userId, reason: options.reason, endsAt: options.endsAt, createdById: options.actor.id },
      select: { id: true },
    });
    const visible = options.hideComments
      ? await tx.comment.findMany({
          where: { authorId: options.userId, status: 'published' },
          select: { id: true, postId: true, parentId: true, rootId: true, publishedAt: true },
          orderBy: { id: 'asc' },
        })
      : [];
    const held = options.hideComments
      ? await tx.comment.findMany({
          where: { authorId: options.userId, status: 'pending' },
          select: { id: true, postId: true, parentId: true, rootId: true, publishedAt: true },
          orderBy: { id: 'asc' },
        })
      : [];
    // Every row both moves touch, locked at once in id order (lockComments): locked in two batches,
    // a bulk step holding a held comment and waiting for a newer published one would deadlock with this.
    await lockComments(tx, [...visible, ...held].flatMap((row) => [row.id, row.rootId]));
    const deltas = new ThreadDeltas();
    const logged = { actorId: options.actor.id, action: 'ban' as const, reason: `its author was banned: ${options.reason}` };
    const hidden = await moveEach(tx, visible, { from: 'published', to: 'spam', data: { hiddenByBanId: ban.id } }, deltas, logged);
    const heldToSpam = await moveEach(tx, held, { from: 'pending', to: 'spam', data: { hiddenByBanId: null } }, deltas, logged);
    await tx.auditEntry.create({
      data: auditEntryData({
        actorId: options.actor.id,
        action: 'ban',
        targetType: 'user',
        targetId: options.userId,
        after: options.endsAt ? `banned until ${options.endsAt.toISOString()}` : 'banned',
        reason: `${options.reason}${hidden > 0 ? ` (hid ${comments(hidden)})` : ''}${heldToSpam > 0 ? ` (marked ${comments(heldToSpam, 'held ')} spam)` : ''}`,
      }),
    });
    await deltas.apply(tx);
    return { banId: ban.id, hidden };
  });
}

/**
 * Lift every ban on the user nobody lifted yet — also those whose end date has passed, since their
 * hidden comments stay hidden until lifted — and bring back only the comments those bans hid and
 * nobody has moderated since (still the ban's spam). Without such a ban there is nothing to lift or log.
 */
export async function unbanUser(options: { userId: string; actor: Viewer }): Promise<{ restored: number }> {
  const now = new Date();
  return getDb().$transaction(async (tx: DbTransaction) => {
    const bans = await tx.ban.findMany({ where: { userId: options.userId, liftedAt: null }, select: { id: true, endsAt: true, liftedAt: true } });
    if (bans.length === 0) return { restored: 0 };
    const banIds = bans.map((ban) => ban.id);
    await tx.ban.updateMany({ where: { id: { in: banIds }, liftedAt: null }, data: { liftedAt: now } });
    const hidden = await tx.comment.findMany({
      where: { hiddenByBanId: { in: banIds }, status: 'spam' },
      select: { id: true, postId: true, parentId: true, rootId: true, publishedAt: true },
      orderBy: { id: 'asc' },
    });
    const deltas = new ThreadDeltas();
    const restored = await moveEach(
      tx,
      hidden,
      { from: 'spam', to: 'published', where: { hiddenByBanId: { in: banIds } }, data: { hiddenByBanId: null } },
      deltas,
      { actorId: options.actor.id, action: 'unban', reason: 'its author’s ban was lifted' },
    );
    await tx.auditEntry.create({
      data: auditEntryData({
        actorId: options.actor.id,
        action: 'unban',
        targetType: 'user',
        targetId: options.userId,
        before: bans.some((ban) => banIsActive(ban, now)) ? 'banned' : 'ban ended',
        after: 'not banned',
        reason: restored > 0 ? `restored ${comments(restored)}` : null,
      }),
    });
    await deltas.apply(tx);
    return { restored };
  });
}
