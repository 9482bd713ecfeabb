import { getDb } from '@/lib/db';
import type { Viewer } from '@/lib/users/accounts';
import { buildThread, holdsPlace, pageCount, pageOfPosition, type ThreadNode } from './rules';
import { SETTING_KEY } from './settings';

/** What a page of comments shows for one comment. Author data comes with the row: no query per comment. */
export const commentSelect = {
  id: true,
  postId: true,
  parentId: true,
  rootId: true,
  depth: true,
  html: true,
  status: true,
  deletedBy: true,
  createdAt: true,
  publishedAt: true,
  editedAt: true,
  authorId: true,
  guestName: true,
  guestWebsite: true,
  author: { select: { name: true } },
} as const;

export interface CommentRow {
  id: number;
  postId: string;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  html: string;
  status: string;
  /** Who removed a deleted comment: "author" or "moderator" (null if not known). */
  deletedBy: string | null;
  createdAt: Date;
  /** When readers could first see it (null while it never was published). */
  publishedAt: Date | null;
  editedAt: Date | null;
  authorId: string | null;
  authorName: string;
  isGuest: boolean;
  guestWebsite: string | null;
}

type SelectedRow = {
  id: number;
  postId: string;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  html: string;
  status: string;
  deletedBy: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  editedAt: Date | null;
  authorId: string | null;
  guestName: string | null;
  guestWebsite: string | null;
  author: { name: string } | null;
};

function toRow({ author, guestName, ...row }: SelectedRow): CommentRow {
  return { ...row, authorName: author?.name ?? guestName ?? 'Anonymous', isGuest: row.authorId === null };
}

/**
 * Top-level comments that take a place on the viewer's pages (rules.ts `holdsPlace`): what readers
 * see, those deleted after readers saw them, hidden ones with published replies (placeholders
 * above those), and the viewer's own held comments.
 */
function placesFor(viewer: Pick<Viewer, 'id'> | null) {
  return {
    OR: [
      { status: 'published' },
      { status: 'deleted', deletedFrom: 'published' },
      { publishedReplies: { gt: 0 } },
      ...ownHeldOf(viewer),
    ],
  };
}

/** The viewer's own comments that await moderation, which they see and nobody else does. */
function ownHeldOf(viewer: Pick<Viewer, 'id'> | null) {
  return viewer ? [{ status: 'pending', authorId: viewer.id }] : [];
}

/** Whether the viewer reads this comment itself rather than a placeholder: published, or their own held comment. */
function readableBy(viewer: Viewer | null) {
  return (row: { status: string; authorId: string | null }) =>
    row.status === 'published' || (viewer !== null && row.status === 'pending' && row.authorId === viewer.id);
}

/** A comment the viewer may not read, as its placeholder: where it stood, and nothing it said or who said it. */
function asPlaceholder(row: CommentRow): CommentRow {
  return { ...row, html: '', authorId: null, authorName: '', isGuest: false, guestWebsite: null, editedAt: null };
}

/** Comments `ids` as placeholders, for a thread that must draw where they stand but nothing they said. */
export async function listPlaceholders(ids: number[]): Promise<CommentRow[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().comment.findMany({ where: { id: { in: ids } }, select: commentSelect });
  return rows.map(toRow).map(asPlaceholder);
}

export interface ThreadState {
  publishedCount: number;
  topLevelCount: number;
  version: number;
  closed: boolean;
}

const emptyThread: ThreadState = { publishedCount: 0, topLevelCount: 0, version: 0, closed: false };

/** The post's counters: one row by primary key, never a scan of the thread. */
export async function getThreadState(postId: string): Promise<ThreadState> {
  const row = await getDb().postThread.findUnique({
    where: { postId },
    select: { publishedCount: true, topLevelCount: true, version: true, closed: true },
  });
  return row ?? emptyThread;
}

/** Published-comment counts for a listing of posts, in one query. */
export async function getCommentCounts(postIds: string[]): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await getDb().postThread.findMany({
    where: { postId: { in: postIds } },
    select: { postId: true, publishedCount: true },
  });
  return new Map(rows.map((row) => [row.postId, row.publishedCount]));
}

export interface CommentPage {
  thread: ThreadNode<CommentRow>[];
  page: number;
  pageCount: number;
  /** The top-level comments holding this page's places, also those the thread leaves out (removed, with nothing readers see under them). */
  places: number[];
}

/**
 * One page of top-level comments, oldest first, with all their replies: two indexed queries
 * (the page, then every reply under it by root) whatever the size of the thread, plus a look at
 * the newest place (countTrailingGaps) and a count of a signed-in viewer's own held comments,
 * which take places only they see; on a signed-in viewer's last page, a look for their held
 * replies no other page draws (strandedHeldReplies).
 */
export async function listCommentPage(options: {
  postId: string;
  page: number;
  perPage: number;
  topLevelCount: number;
  viewer: Viewer | null;
}): Promise<CommentPage> {
  const db = getDb();
  const pages = await viewerPageCount(options);
  const page = Math.min(Math.max(1, options.page), pages);
  const top = await db.comment.findMany({
    where: { postId: options.postId, parentId: null, ...placesFor(options.viewer) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * options.perPage,
    take: options.perPage,
    select: commentSelect,
  });
  // The replies under the page's conversations the viewer reads, and hidden ones with replies of
  // their own, which may stay as placeholders (not the spam and deleted replies nobody answered).
  const replies =
    top.length === 0
      ? []
      : await db.comment.findMany({
          where: {
            rootId: { in: top.map((c) => c.id) },
            OR: [{ status: 'published' }, ...ownHeldOf(options.viewer), { replies: { some: {} } }],
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: commentSelect,
        });
  // On the last page, the viewer's held replies whose conversation holds no place anywhere.
  const strandedIds = options.viewer && page === pages ? await strandedHeldReplies(options.postId, { authorId: options.viewer.id }) : [];
  const stranded = strandedIds.length > 0 ? await db.comment.findMany({ where: { id: { in: strandedIds } }, select: commentSelect }) : [];
  const readable = readableBy(options.viewer);
  const drawn = new Map([...top, ...replies, ...stranded].map(toRow).map((row) => [row.id, readable(row) ? row : asPlaceholder(row)]));
  const rows = stranded.length > 0 ? await withAncestors(drawn) : drawn;
  return { thread: buildThread([...rows.values()], (row) => !readable(row)), page, pageCount: pages, places: top.map((c) => c.id) };
}

/**
 * Held replies whose conversation holds no place in the thread for the viewer: its top-level
 * comment was removed (or held again) with nothing published under it, so no page draws it. Only
 * one author's (a reader's own), or `all` of them (an admin's view, which draws every held
 * top-level comment on the last page). They are drawn on the last page, under placeholders for
 * the comments they answer, so their author and the moderators find them where the links to them
 * lead (findCommentPage).
 */
export async function strandedHeldReplies(postId: string, whose: { authorId: string } | 'all'): Promise<number[]> {
  const db = getDb();
  const held = await db.comment.findMany({
    where: { postId, status: 'pending', parentId: { not: null }, ...(whose === 'all' ? {} : { authorId: whose.authorId }) },
    select: { id: true, rootId: true },
  });
  const rootIds = [...new Set(held.flatMap((reply) => (reply.rootId === null ? [] : [reply.rootId])))];
  if (rootIds.length === 0) return [];
  const roots = await db.comment.findMany({
    where: { id: { in: rootIds } },
    select: { id: true, postId: true, createdAt: true, status: true, publishedReplies: true, deletedFrom: true, authorId: true },
  });
  const placeless = new Set<number>();
  for (const root of roots) if (!(await conversationDrawn(root, whose))) placeless.add(root.id);
  return held.filter((reply) => reply.rootId !== null && placeless.has(reply.rootId)).map((reply) => reply.id);
}

/**
 * Whether a conversation's top-level comment is drawn on some page: it holds a place, or is a held
 * one the viewer sees (`whose`). Not a gap at the thread's end, which holds a place the pages end
 * before (countTrailingGaps).
 */
async function conversationDrawn(
  root: { id: number; postId: string; createdAt: Date; status: string; publishedReplies: number; deletedFrom: string | null; authorId: string | null },
  whose: { authorId: string } | 'all',
): Promise<boolean> {
  if (root.status === 'pending') return whose === 'all' || root.authorId === whose.authorId || root.publishedReplies > 0;
  if (!holdsPlace(root.status, root.publishedReplies, root.deletedFrom)) return false;
  if (root.status !== gap.status || root.publishedReplies !== gap.publishedReplies) return true;
  // A gap is drawn (as nothing) only where something the viewer sees comes after it.
  const viewer = whose === 'all' ? null : { id: whose.authorId };
  const shownAfter = await getDb().comment.count({
    where: { AND: [{ postId: root.postId, parentId: null, ...placesFor(viewer) }, { NOT: gap }, threadOrder(root, 'after')] },
  });
  return shownAfter > 0;
}

/**
 * `rows` with the comments they answer that are not among them, as placeholders, up to their
 * conversation's top-level comment (replies nest ten levels at most): a reply drawn without the
 * thread around it stands where it belongs.
 */
export async function withAncestors(rows: Map<number, CommentRow>): Promise<Map<number, CommentRow>> {
  const missingParents = () =>
    [...new Set([...rows.values()].flatMap((row) => (row.parentId !== null && !rows.has(row.parentId) ? [row.parentId] : [])))];
  for (let missing = missingParents(); missing.length > 0; missing = missingParents()) {
    const found = await listPlaceholders(missing);
    if (found.length === 0) break;
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}

/** How many pages the viewer's thread has. */
async function viewerPageCount(options: { postId: string; perPage: number; topLevelCount: number; viewer: Pick<Viewer, 'id'> | null }): Promise<number> {
  // topLevelCount leaves out held comments; without the viewer's own, a page only they fill
  // (their held comment after a full page) would be clamped away. One with published replies
  // already holds a place.
  const [ownHeld, trailingGaps] = await Promise.all([
    options.viewer
      ? getDb().comment.count({
          where: { postId: options.postId, parentId: null, status: 'pending', authorId: options.viewer.id, publishedReplies: 0 },
        })
      : 0,
    countTrailingGaps(options.postId, options.viewer),
  ]);
  return pageCount(options.topLevelCount + ownHeld - trailingGaps, options.perPage);
}

/** A deleted top-level comment readers saw, with no published reply: it holds a place but shows nothing. */
const gap = { status: 'deleted', publishedReplies: 0 };

/**
 * How many of the thread's last places are gaps, after the last comment that shows anything. A gap
 * keeps its place so that no later comment changes page; with nothing after it, it keeps no page
 * as it was and would only leave empty pages at the end ("Newer comments" leading to nothing), so
 * the pages end before it. Usually one indexed query: the newest place is not a gap.
 */
async function countTrailingGaps(postId: string, viewer: Pick<Viewer, 'id'> | null): Promise<number> {
  const db = getDb();
  const places = { postId, parentId: null, ...placesFor(viewer) };
  const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const newest = await db.comment.findFirst({
    where: places,
    orderBy: newestFirst,
    select: { status: true, publishedReplies: true },
  });
  if (!newest || newest.status !== gap.status || newest.publishedReplies !== gap.publishedReplies) return 0;
  const lastShown = await db.comment.findFirst({
    where: { AND: [places, { NOT: gap }] },
    orderBy: newestFirst,
    select: { id: true, createdAt: true },
  });
  return db.comment.count({ where: { AND: [places, ...(lastShown ? [threadOrder(lastShown, 'after')] : [])] } });
}

/** Comments that come before or after `row` in the thread's order: oldest first, then by id. */
function threadOrder(row: { id: number; createdAt: Date }, side: 'before' | 'after') {
  const beyond = side === 'before' ? ('lt' as const) : ('gt' as const);
  return { OR: [{ createdAt: { [beyond]: row.createdAt } }, { createdAt: row.createdAt, id: { [beyond]: row.id } }] };
}

export async function getComment(id: number) {
  return getDb().comment.findUnique({
    where: { id },
    select: { ...commentSelect, body: true },
  });
}

/** Whether comment `id` can be answered on post `postId`: published there, as a reply's parent must be (mutations.ts writeComment). */
export async function isReplyable(postId: string, id: number): Promise<boolean> {
  return (await getDb().comment.count({ where: { id, postId, status: 'published' } })) > 0;
}

/** Whether comment `id` on post `postId` is still `viewer`'s to rewrite: theirs, and published or awaiting moderation. */
export async function isOwnLiveComment(postId: string, id: number, viewer: Viewer): Promise<boolean> {
  return (await getDb().comment.count({ where: { id, postId, authorId: viewer.id, status: { in: ['published', 'pending'] } } })) > 0;
}

/**
 * Whether `viewer` may be sent to comment `id` by its id alone (`/comments/{id}`), and what they
 * find there: `drawn`, the comment (published, their own held one, any held one for an admin) or
 * its placeholder over replies they see; `removed`, only its place in the thread's pages (deleted
 * after readers saw it, and no replies to hold). Null where the thread shows them neither
 * (`holdsPlace`): otherwise walking ids would tell anyone which held, spam and deleted comments
 * exist, on which post and where. Admins reach every comment (the moderation queue links here).
 */
export async function findCommentFor(
  id: number,
  viewer: Viewer | null,
  /** Only a comment on this post, when the caller is that post's page (`?removed=`). */
  onPost?: string,
): Promise<'drawn' | 'removed' | null> {
  const comment = await getDb().comment.findUnique({
    where: { id },
    select: { postId: true, parentId: true, status: true, authorId: true, publishedReplies: true, deletedFrom: true },
  });
  if (!comment || (onPost !== undefined && comment.postId !== onPost)) return null;
  const seen = (row: { status: string; authorId: string | null }) =>
    readableBy(viewer)(row) || (viewer?.role === 'admin' && row.status === 'pending');
  if (seen(comment)) return 'drawn';
  // A hidden comment shows as a placeholder while the viewer sees replies under it: a top-level
  // one's published ones are counted; held ones (the viewer's own, or any for an admin) looked for.
  const under = (comment.parentId === null && comment.publishedReplies > 0) || (await hasReplyUnder(id, seen));
  if (under) return 'drawn';
  return viewer?.role === 'admin' || holdsPlace(comment.status, 0, comment.deletedFrom) ? 'removed' : null;
}

/** Whether any reply under comment `id`, however deep, is one `seen` takes: one query a level, and replies nest ten levels at most (maxReplyDepth). */
async function hasReplyUnder(id: number, seen: (reply: { status: string; authorId: string | null }) => boolean): Promise<boolean> {
  let parents = [id];
  while (parents.length > 0) {
    const replies = await getDb().comment.findMany({ where: { parentId: { in: parents } }, select: { id: true, status: true, authorId: true } });
    if (replies.some(seen)) return true;
    parents = replies.map((reply) => reply.id);
  }
  return false;
}

/**
 * Which page of its post's comments holds comment `id` as `viewer` reads the thread (for
 * permalinks and "back to your comment"): a reader's own held comments take places on their pages
 * that nobody else's do. An admin's post page shows held conversations on the last page
 * (`withHeldComments`), so that is where an admin finds one; and so is a held reply whose
 * conversation no page draws (`strandedHeldReplies`), by its author and by an admin.
 */
export async function findCommentPage(
  id: number,
  perPage: number,
  viewer: Pick<Viewer, 'id' | 'role'> | null = null,
): Promise<{ postId: string; page: number } | null> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id }, select: { postId: true, rootId: true, id: true } });
  if (!comment) return null;
  const root = await db.comment.findUnique({
    where: { id: comment.rootId ?? comment.id },
    select: { id: true, postId: true, createdAt: true, status: true, publishedReplies: true, deletedFrom: true, authorId: true },
  });
  if (!root) return { postId: comment.postId, page: 1 };
  // An admin's held conversation, and one no page draws (its held replies under placeholders,
  // strandedHeldReplies), are drawn on the viewer's last page.
  const heldForAdmin = viewer?.role === 'admin' && root.status === 'pending' && root.publishedReplies === 0;
  if (viewer && (heldForAdmin || !(await conversationDrawn(root, viewer.role === 'admin' ? 'all' : { authorId: viewer.id })))) {
    const { topLevelCount } = await getThreadState(comment.postId);
    return { postId: comment.postId, page: await viewerPageCount({ postId: comment.postId, perPage, topLevelCount, viewer }) };
  }
  const before = await db.comment.count({
    where: {
      postId: comment.postId,
      parentId: null,
      AND: [placesFor(viewer), threadOrder(root, 'before')],
    },
  });
  return { postId: comment.postId, page: pageOfPosition(before, perPage) };
}

/**
 * The feeds' order: by when readers could first see each comment, so one approved late is news too.
 * Every published comment has that time; asking for it keeps a row written around the app (with
 * none) from heading the list on PostgreSQL, which sorts nulls first when descending.
 */
const newestPublishedFirst = [{ publishedAt: 'desc' as const }, { id: 'desc' as const }];
const publishedWithTime = { status: 'published', publishedAt: { not: null } } as const;

/** The newest published comments of a post, for its feed and JSON-LD, bounded so a busy thread stays small. */
export async function listRecentPublished(postId: string, take = 20): Promise<CommentRow[]> {
  const rows = await getDb().comment.findMany({
    where: { postId, ...publishedWithTime },
    orderBy: newestPublishedFirst,
    take,
    select: commentSelect,
  });
  return rows.map(toRow);
}

/** The newest published comments on any of `postIds` (the published posts), for the blog's comment feed. */
export async function listRecentPublishedOn(postIds: string[], take: number): Promise<CommentRow[]> {
  const rows = await getDb().comment.findMany({
    where: { postId: { in: postIds }, ...publishedWithTime },
    orderBy: newestPublishedFirst,
    take,
    select: commentSelect,
  });
  return rows.map(toRow);
}

/** The API's view: published comments oldest first (replies carry parentId), after a cursor. */
export async function listPublishedComments(postId: string, options: { cursor?: number; limit: number }) {
  const [rows, thread] = await Promise.all([
    getDb().comment.findMany({
      where: { postId, status: 'published', ...(options.cursor ? { id: { gt: options.cursor } } : {}) },
      orderBy: { id: 'asc' },
      take: options.limit + 1,
      select: commentSelect,
    }),
    getThreadState(postId),
  ]);
  const page = rows.slice(0, options.limit).map(toRow);
  return {
    total: thread.publishedCount,
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
    comments: page.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      authorName: c.authorName,
      html: c.html,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
    })),
  };
}

/**
 * Changes whenever any post's thread or the comment settings change: the sum of every thread's
 * version (each only grows), the last thread update (closing a post) and the settings' last
 * update. One aggregate over one row per post.
 */
export async function getCommentEpoch(): Promise<string> {
  const db = getDb();
  const [threads, settingsChange] = await Promise.all([
    db.postThread.aggregate({ _sum: { version: true }, _max: { updatedAt: true } }),
    settingsChangedAt(),
  ]);
  return epochOf(threads._sum.version ?? 0, threads._max.updatedAt?.getTime() ?? 0, settingsChange);
}

/** When the comment settings were last saved (0: never). */
async function settingsChangedAt(): Promise<number> {
  const row = await getDb().setting.findUnique({ where: { key: SETTING_KEY }, select: { updatedAt: true } });
  return row?.updatedAt.getTime() ?? 0;
}

/** "versions.lastThreadChange.settingsChange": the settings' part comes last (the page cache reads it). */
function epochOf(versionSum: number, lastThreadChange: number, settingsChange: number): string {
  return [versionSum, lastThreadChange, settingsChange].join('.');
}

/**
 * Each post's thread as the page cache tracks it (`version.updatedAt`: a new comment moves the
 * version, closing the post its time), with the epoch these rows make, the same value
 * getCommentEpoch gives for them. Read only when the epoch moved, to tell which posts changed.
 */
export async function getThreadVersions(): Promise<{ epoch: string; threads: [postId: string, version: string][] }> {
  const db = getDb();
  const [rows, settingsChange] = await Promise.all([
    db.postThread.findMany({ select: { postId: true, version: true, updatedAt: true } }),
    settingsChangedAt(),
  ]);
  let versionSum = 0;
  let lastThreadChange = 0;
  for (const row of rows) {
    versionSum += row.version;
    lastThreadChange = Math.max(lastThreadChange, row.updatedAt.getTime());
  }
  return {
    epoch: epochOf(versionSum, lastThreadChange, settingsChange),
    threads: rows.map((row) => [row.postId, `${row.version}.${row.updatedAt.getTime()}`]),
  };
}
