import { bumpThread } from '@/lib/comments/mutations';
import { counterDelta } from '@/lib/comments/rules';
import { getDb, type DbTransaction } from '@/lib/db';
import type { Viewer } from '@/lib/users/accounts';
import { auditEntry, auditEntryData } from './audit';

export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const statusAfter: Record<ModerationAction, string> = {
  approve: 'published',
  spam: 'spam',
  delete: 'deleted',
  restore: 'published',
};

/** Sums each post's counter changes so one upsert per post carries them. */
class ThreadDeltas {
  private readonly byPost = new Map<string, { published: number; topLevel: number }>();
  add(postId: string, delta: { published: number; topLevel: number }) {
    const current = this.byPost.get(postId) ?? { published: 0, topLevel: 0 };
    this.byPost.set(postId, { published: current.published + delta.published, topLevel: current.topLevel + delta.topLevel });
  }
  writes() {
    return this.sorted().map(([postId, delta]) => bumpThread(postId, delta));
  }
  sorted() {
    return [...this.byPost.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * Approve, mark as spam, delete or restore comments — one or many — each change with its audit
 * entry and the posts' counters, all in one transaction. Comments already in the target status
 * are left alone and not logged again — also when two requests (a double click, two admins)
 * moderate the same comment at once: each update only applies if the status is still the one
 * read, so a comment is counted and logged once.
 */
export async function moderateComments(options: {
  ids: number[];
  action: ModerationAction;
  actor: Viewer;
  reason?: string | null;
}): Promise<{ changed: number[] }> {
  const target = statusAfter[options.action];
  const now = new Date();
  return getDb().$transaction(async (tx: DbTransaction) => {
    // In id order, so concurrent bulk actions lock rows in the same order and cannot deadlock.
    const rows = await tx.comment.findMany({
      where: { id: { in: options.ids }, status: { not: target } },
      select: { id: true, postId: true, parentId: true, status: true },
      orderBy: { id: 'asc' },
    });
    const deltas = new ThreadDeltas();
    const changed: number[] = [];
    const audit: ReturnType<typeof auditEntryData>[] = [];
    for (const row of rows) {
      const { count } = await tx.comment.updateMany({
        where: { id: row.id, status: row.status },
        data: {
          status: target,
          ...(target === 'deleted' ? { deletedAt: now, deletedBy: 'moderator' } : { hiddenByBanId: null }),
          ...(target === 'published' ? { deletedAt: null, deletedBy: null, heldReason: null } : {}),
        },
      });
      if (count === 0) continue; // changed by someone else since it was read
      changed.push(row.id);
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
      deltas.add(row.postId, counterDelta(row.status, target, row.parentId === null));
    }
    if (audit.length > 0) await tx.auditEntry.createMany({ data: audit });
    // The same upsert as bumpThread, through the transaction client.
    for (const [postId, delta] of deltas.sorted()) {
      await tx.postThread.upsert({
        where: { postId },
        create: { postId, publishedCount: Math.max(0, delta.published), topLevelCount: Math.max(0, delta.topLevel), version: 1 },
        update: {
          publishedCount: { increment: delta.published },
          topLevelCount: { increment: delta.topLevel },
          version: { increment: 1 },
        },
      });
    }
    return { changed };
  });
}

/** Close or reopen comments on a post; closed threads stay readable. */
export async function setPostClosed(options: { postId: string; closed: boolean; actor: Viewer }): Promise<void> {
  const db = getDb();
  const before = await db.postThread.findUnique({ where: { postId: options.postId }, select: { closed: true } });
  await db.$transaction([
    db.postThread.upsert({
      where: { postId: options.postId },
      create: { postId: options.postId, closed: options.closed, version: 1 },
      update: { closed: options.closed, version: { increment: 1 } },
    }),
    auditEntry({
      actorId: options.actor.id,
      action: options.closed ? 'close' : 'reopen',
      targetType: 'post',
      targetId: options.postId,
      before: before?.closed ? 'closed' : 'open',
      after: options.closed ? 'closed' : 'open',
    }),
  ]);
}

/**
 * Ban a commenter: new comments are refused until `endsAt` (or for good). With `hideComments`,
 * their published comments are hidden now, marked with this ban so unbanning restores exactly them.
 */
export async function banUser(options: {
  userId: string;
  reason: string;
  endsAt: Date | null;
  hideComments: boolean;
  actor: Viewer;
}): Promise<{ banId: number; hidden: number }> {
  const db = getDb();
  const ban = await db.ban.create({
    data: { userId: options.userId, reason: options.reason, endsAt: options.endsAt, createdById: options.actor.id },
  });
  const visible = options.hideComments
    ? await db.comment.findMany({
        where: { authorId: options.userId, status: 'published' },
        select: { id: true, postId: true, parentId: true, status: true },
      })
    : [];
  const deltas = new ThreadDeltas();
  for (const row of visible) deltas.add(row.postId, counterDelta('published', 'spam', row.parentId === null));
  await db.$transaction([
    ...(visible.length > 0
      ? [
          db.comment.updateMany({
            where: { id: { in: visible.map((row) => row.id) } },
            data: { status: 'spam', hiddenByBanId: ban.id },
          }),
        ]
      : []),
    auditEntry({
      actorId: options.actor.id,
      action: 'ban',
      targetType: 'user',
      targetId: options.userId,
      after: options.endsAt ? `banned until ${options.endsAt.toISOString()}` : 'banned',
      reason: `${options.reason}${visible.length > 0 ? ` (hid ${visible.length} comments)` : ''}`,
    }),
    ...deltas.writes(),
  ]);
  return { banId: ban.id, hidden: visible.length };
}

/** Lift every active ban on the user and bring back only the comments those bans hid. */
export async function unbanUser(options: { userId: string; actor: Viewer }): Promise<{ restored: number }> {
  const db = getDb();
  const bans = await db.ban.findMany({ where: { userId: options.userId, liftedAt: null }, select: { id: true } });
  const banIds = bans.map((ban) => ban.id);
  const hidden = await db.comment.findMany({
    where: { hiddenByBanId: { in: banIds }, status: 'spam' },
    select: { id: true, postId: true, parentId: true },
  });
  const deltas = new ThreadDeltas();
  for (const row of hidden) deltas.add(row.postId, counterDelta('spam', 'published', row.parentId === null));
  await db.$transaction([
    db.ban.updateMany({ where: { id: { in: banIds } }, data: { liftedAt: new Date() } }),
    db.comment.updateMany({ where: { id: { in: hidden.map((row) => row.id) } }, data: { status: 'published', hiddenByBanId: null } }),
    auditEntry({
      actorId: options.actor.id,
      action: 'unban',
      targetType: 'user',
      targetId: options.userId,
      before: 'banned',
      after: 'not banned',
      reason: hidden.length > 0 ? `restored ${hidden.length} comments` : null,
    }),
    ...deltas.writes(),
  ]);
  return { restored: hidden.length };
}
