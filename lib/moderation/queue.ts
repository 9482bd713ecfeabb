import { getDb } from '@/lib/db';
import { getAllPosts } from '@/lib/content/posts';
import { COMMENT_STATUSES, type CommentStatus } from '@/lib/comments/rules';
import { moderatorMay, type ModerationAction } from './moderate';
import type { TabCutOff } from './schemas';

export interface QueueRow {
  id: number;
  postId: string;
  postTitle: string;
  postPath: string | null;
  status: string;
  excerpt: string;
  /** The comment as written, when the excerpt leaves some of it out: what an admin reads before Restore. */
  fullText: string | null;
  heldReason: string | null;
  createdAt: Date;
  /** Who removed it, for deleted comments (and removed ones marked as spam since): its author's choice is not a moderator's to undo. */
  deletedBy: 'author' | 'moderator' | null;
  author:
    | { kind: 'user'; id: string; name: string; email: string; joinedAt: Date; publishedCount: number; banned: boolean }
    | { kind: 'guest'; name: string; email: string | null; website: string | null };
}

const EXCERPT_LENGTH = 240;

/** The row's line of text, and the whole comment too when that line cannot hold it. */
export function excerptOf(body: string, length: number = EXCERPT_LENGTH): { excerpt: string; fullText: string | null } {
  // Cut between code points, not UTF-16 units: half an emoji shows as "�".
  const characters = Array.from(body.replace(/\s+/g, ' ').trim());
  if (characters.length <= length) return { excerpt: characters.join(''), fullText: null };
  return { excerpt: `${characters.slice(0, length - 1).join('')}…`, fullText: body.trim() };
}

/** How many comments wait in each tab of the console. */
export async function countByStatus(): Promise<Record<CommentStatus, number>> {
  const groups = await getDb().comment.groupBy({ by: ['status'], _count: { _all: true } });
  const counts = Object.fromEntries(COMMENT_STATUSES.map((status) => [status, 0])) as Record<CommentStatus, number>;
  for (const group of groups) if (group.status in counts) counts[group.status as CommentStatus] = group._count._all;
  return counts;
}

export async function countPending(): Promise<number> {
  return getDb().comment.count({ where: { status: 'pending' } });
}

/**
 * One tab of the moderation queue, newest first, with what an admin needs to decide at a glance:
 * the post, the author's email, account age and record, and why the comment was held.
 */
export async function listModerationQueue(options: { status: CommentStatus; cursor?: number; limit?: number }) {
  const db = getDb();
  const limit = options.limit ?? 50;
  const rows = await db.comment.findMany({
    where: { status: options.status, ...(options.cursor ? { id: { lt: options.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: {
      id: true,
      postId: true,
      status: true,
      body: true,
      heldReason: true,
      createdAt: true,
      deletedBy: true,
      guestName: true,
      guestEmail: true,
      guestWebsite: true,
      author: { select: { id: true, name: true, email: true, createdAt: true } },
    },
  });
  const page = rows.slice(0, limit);
  const authorIds = [...new Set(page.flatMap((row) => (row.author ? [row.author.id] : [])))];
  const [published, bans, posts] = await Promise.all([
    authorIds.length === 0
      ? []
      : db.comment.groupBy({
          by: ['authorId'],
          where: { authorId: { in: authorIds }, status: 'published' },
          _count: { _all: true },
        }),
    authorIds.length === 0
      ? []
      : db.ban.findMany({
          where: { userId: { in: authorIds }, liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }] },
          select: { userId: true },
        }),
    getAllPosts(),
  ]);
  const publishedBy = new Map(published.map((group) => [group.authorId, group._count._all]));
  const banned = new Set(bans.map((ban) => ban.userId));
  const postsById = new Map(posts.map((post) => [post.id, post]));
  const items: QueueRow[] = page.map((row) => {
    const post = postsById.get(row.postId);
    return {
      id: row.id,
      postId: row.postId,
      postTitle: post?.title ?? row.postId,
      postPath: post?.path ?? null,
      status: row.status,
      ...excerptOf(row.body),
      heldReason: row.heldReason,
      createdAt: row.createdAt,
      deletedBy: row.deletedBy === 'author' || row.deletedBy === 'moderator' ? row.deletedBy : null,
      author: row.author
        ? {
            kind: 'user',
            id: row.author.id,
            name: row.author.name,
            email: row.author.email,
            joinedAt: row.author.createdAt,
            publishedCount: publishedBy.get(row.author.id) ?? 0,
            banned: banned.has(row.author.id),
          }
        : { kind: 'guest', name: row.guestName ?? 'Anonymous', email: row.guestEmail, website: row.guestWebsite },
    };
  });
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * One page of a tab as the console shows it, with `upTo`, where "every comment in this tab" stops:
 * the newest comment the tab's first page showed. The first page takes its own first row; a later
 * page is given it by the pager's links, so a comment that arrived after the first page was drawn
 * is never swept up unseen. A later page asked for without it (an address typed in) stops at the
 * newest in the tab as it is drawn. `upToCount` is how many comments that reaches that the tab's
 * actions can move, the number the whole-tab box offers.
 */
export async function listQueuePage(options: { status: CommentStatus; cursor?: number; upTo?: TabCutOff }) {
  // Taken before the rows are read: a comment that changes while they are read is left out, not in.
  const drawnAt = Date.now();
  const queue = await listModerationQueue({ status: options.status, cursor: options.cursor });
  const carried = options.cursor === undefined ? undefined : options.upTo;
  const newest = carried
    ? carried.upTo
    : options.cursor === undefined
      ? (queue.items[0]?.id ?? null)
      : await newestInTab(options.status);
  const upTo: TabCutOff | null = newest === null ? null : { upTo: newest, seenAt: carried?.seenAt ?? drawnAt };
  // What the tab's buttons can move: in Deleted, where both leave what authors deleted themselves,
  // the box would otherwise offer comments its step then leaves without a word.
  const actions: readonly ModerationAction[] = TAB_ACTIONS[options.status];
  const countedFor = actions.every((action) => !moderatorMay(action, 'author')) ? actions[0] : undefined;
  const upToCount =
    upTo === null ? 0 : await getDb().comment.count({ where: tabUpTo(options.status, upTo, countedFor) });
  return { ...queue, upTo, upToCount };
}

/**
 * How long before a page was drawn a comment's change may still have been on its way: a change is
 * stamped when its transaction starts, and may commit (and show) only seconds later, after the page
 * read the tab without it. Longer than any write transaction runs (Prisma ends them after 5 s).
 */
export const TAB_SETTLING_MS = 10_000;

/** How many comments one press of "every comment in this tab" moves: each step a short transaction. */
export const WHOLE_TAB_STEP = 500;

/**
 * What each tab of the queue offers, the console's buttons and its action alike: Restore brings
 * back what was removed (spam, deleted) where it was, published or awaiting moderation; a comment
 * awaiting moderation is approved.
 */
export const TAB_ACTIONS = {
  pending: ['approve', 'spam', 'delete'],
  published: ['spam', 'delete'],
  spam: ['restore', 'delete'],
  deleted: ['restore', 'spam'],
} as const satisfies Record<CommentStatus, readonly ModerationAction[]>;

/** The newest comment in a tab: where "every comment in this tab" stops, as the admin saw the tab. */
export async function newestInTab(status: CommentStatus): Promise<number | null> {
  const row = await getDb().comment.findFirst({ where: { status }, orderBy: { id: 'desc' }, select: { id: true } });
  return row?.id ?? null;
}

/**
 * One step through a whole tab: the ids of up to WHOLE_TAB_STEP of its comments, newest first, as
 * the admin's page showed the tab (`upTo`). What arrived after the page was drawn stays for the
 * admin to see: "approve every pending comment" never approves one nobody has looked at.
 */
export async function listTabStep(status: CommentStatus, upTo: TabCutOff, action: ModerationAction): Promise<number[]> {
  const rows = await getDb().comment.findMany({
    where: tabUpTo(status, upTo, action),
    orderBy: { id: 'desc' },
    take: WHOLE_TAB_STEP,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** How many of a tab's comments up to `upTo` the same action could still move, after a step. */
export async function countTabUpTo(status: CommentStatus, upTo: TabCutOff, action: ModerationAction): Promise<number> {
  return getDb().comment.count({ where: tabUpTo(status, upTo, action) });
}

/**
 * A tab's comments as the admin's page showed it (`upTo`) that `action` can move (any, without
 * one). Not newer than its newest, and not changed since it was drawn: a comment that entered the
 * tab meanwhile, though older (a banned reader's comments hidden into Spam, another moderator's
 * step, an author's edit sending one back to Pending), or was rewritten there, was not what the
 * admin saw; nor, to be sure, what changed in the few seconds before (TAB_SETTLING_MS), which a
 * step leaves for the next page drawn. Restore, Approve and Spam leave what its own author deleted (moderateComments refuses
 * them), so the steps would otherwise never get past them.
 */
function tabUpTo(status: CommentStatus, upTo: TabCutOff, action?: ModerationAction) {
  const leaveAuthorDeleted = action !== undefined && !moderatorMay(action, 'author');
  return {
    status,
    id: { lte: upTo.upTo },
    AND: [
      { OR: [{ changedAt: null }, { changedAt: { lt: new Date(upTo.seenAt - TAB_SETTLING_MS) } }] },
      ...(leaveAuthorDeleted ? [{ OR: [{ deletedBy: null }, { deletedBy: { not: 'author' } }] }] : []),
    ],
  };
}
