/**
 * What the admin console shows beyond the queue: a user's record, where logged comments live,
 * and the held comments an admin sees in a post's thread. Server only.
 */
import { commentAddress } from '@/lib/comments/post-comment';
import { buildThread, type ThreadNode } from '@/lib/comments/rules';
import {
  commentSelect,
  strandedHeldReplies,
  withAncestors,
  type CommentPage,
  type CommentRow,
} from '@/lib/comments/queries';
import { getAllPosts } from '@/lib/content/posts';
import { getDb } from '@/lib/db';
import { getBanStanding } from '@/lib/moderation/bans';
import type { Viewer } from '@/lib/users/accounts';
import type { ModerationAction } from './moderate';
import { excerptOf } from './queue';

export async function getUserProfile(id: string) {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  if (!user) return null;
  const [groups, bans, recent, posts] = await Promise.all([
    db.comment.groupBy({ by: ['status'], where: { authorId: id }, _count: { _all: true } }),
    getBanStanding(id),
    db.comment.findMany({
      where: { authorId: id },
      orderBy: { id: 'desc' },
      take: 20,
      select: { id: true, postId: true, status: true, body: true, createdAt: true, hiddenByBanId: true },
    }),
    getAllPosts(),
  ]);
  const counts = { published: 0, pending: 0, spam: 0, deleted: 0 };
  for (const group of groups)
    if (group.status in counts) counts[group.status as keyof typeof counts] = group._count._all;
  const postsById = new Map(posts.map((post) => [post.id, post]));
  return {
    user,
    counts,
    ban: bans.active,
    endedBan: bans.ended,
    recent: recent.map((comment) => {
      const post = postsById.get(comment.postId);
      return {
        ...comment,
        // Only while it sits in Spam: a moderator may delete one since, which keeps the ban's id
        // (only a move to another status clears it), but it is then deleted, not hidden.
        hiddenByBan: comment.status === 'spam' && comment.hiddenByBanId !== null,
        // Shorter than the queue's: a list of a commenter's recent comments, to be read at a glance.
        excerpt: excerptOf(comment.body, 160).excerpt,
        postTitle: post?.title ?? comment.postId,
        postPath: post?.path ?? null,
      };
    }),
  };
}

/** What the log's targets link to: each comment's post, each post's page, each user's name. */
export async function auditTargets(entries: { targetType: string; targetId: string }[]) {
  const db = getDb();
  const commentIds = entries
    .filter((e) => e.targetType === 'comment')
    .map((e) => Number(e.targetId))
    .filter(Number.isSafeInteger);
  const userIds = entries.filter((e) => e.targetType === 'user').map((e) => e.targetId);
  const [comments, users, posts] = await Promise.all([
    commentIds.length > 0
      ? db.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, postId: true } })
      : [],
    userIds.length > 0 ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    getAllPosts(),
  ]);
  const postsById = new Map(posts.map((post) => [post.id, { title: post.title, path: post.path }]));
  return {
    posts: postsById,
    commentPost: new Map(comments.map((comment) => [comment.id, postsById.get(comment.postId) ?? null])),
    userNames: new Map(users.map((user) => [user.id, user.name])),
  };
}

// The fields a page of comments shows, and why each was held.
const heldSelect = { ...commentSelect, heldReason: true } as const;

function flatten(nodes: ThreadNode<CommentRow>[]): CommentRow[] {
  return nodes.flatMap(({ replies, removed: _removed, ...row }) => [row, ...flatten(replies)]);
}

/**
 * An admin's view of one page of a post's thread: what readers see plus every held comment in
 * its place — replies under their parent, new top-level comments on the last page, where they
 * would appear once approved — with why each was held. Held comments readers see as placeholders
 * (they have published replies) are shown in full; spam and deleted ones stay placeholders, with
 * the buttons that bring them back.
 */
export async function withHeldComments(postId: string, page: CommentPage) {
  const db = getDb();
  const last = page.page === page.pageCount;
  // Held replies in conversations no page draws (their top-level comment removed) wait on the last page.
  const stranded = last ? await strandedHeldReplies(postId, 'all') : [];
  const byDate = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const held = await db.comment.findMany({
    where: {
      postId,
      status: 'pending',
      OR: [
        // The page's conversations, also those readers no longer see (a deleted comment with
        // only held replies under it).
        { rootId: { in: page.places } },
        { id: { in: page.places } },
        ...(last ? [{ parentId: null, publishedReplies: 0 }] : []),
        ...(stranded.length > 0 ? [{ id: { in: stranded } }] : []),
      ],
    },
    orderBy: byDate,
    select: heldSelect,
  });
  // A held top-level comment shown on the last page brings its held replies along.
  const heldTop = held.filter((row) => row.parentId === null && !page.places.includes(row.id)).map((row) => row.id);
  const heldUnder =
    heldTop.length === 0
      ? []
      : await db.comment.findMany({
          where: { postId, status: 'pending', rootId: { in: heldTop } },
          orderBy: byDate,
          select: heldSelect,
        });
  const allHeld = [...held, ...heldUnder];
  const heldRows = new Map<number, CommentRow>(
    allHeld.map(({ author, guestName, heldReason: _reason, ...row }) => [
      row.id,
      { ...row, authorName: author?.name ?? guestName ?? 'Anonymous', isGuest: row.authorId === null },
    ]),
  );
  const shown = flatten(page.thread).map((row) => heldRows.get(row.id) ?? row);
  // A held reply's removed ancestors, which the readers' thread leaves out when nothing they see
  // hangs under them, stand above it as placeholders.
  const rows = await withAncestors(new Map([...shown, ...heldRows.values()].map((row) => [row.id, row])));
  return {
    page: {
      ...page,
      thread: buildThread([...rows.values()], (row) => row.status === 'deleted' || row.status === 'spam'),
    },
    heldReasons: new Map(allHeld.map((row) => [row.id, row.heldReason])),
  };
}

/**
 * Where an admin lands after a button under comment `id` on the post page they pressed it on
 * (`pageAddress`). Approved or restored, the comment is shown at its own place: the page of the
 * thread that holds it now, which for a held top-level comment (shown to admins on the last page)
 * is where its date puts it, maybe an earlier page. Marked as spam or deleted it has left the
 * thread, so the admin stays on the page, at the thread.
 */
export async function landingAfterModeration(
  pageAddress: string,
  id: number,
  action: ModerationAction,
  admin: Viewer,
): Promise<string> {
  const page = pageAddress.split('#')[0];
  if (action !== 'approve' && action !== 'restore') return `${page}#comments`;
  return (await commentAddress(id, admin)) ?? `${page}#c${id}`;
}
