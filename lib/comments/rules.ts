/**
 * The comment rules that need no database: wording, who may edit or delete, how deep replies go,
 * and how the counts move when a comment changes status. Unit-tested beside this file.
 */

export const COMMENT_STATUSES = ['published', 'pending', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export function asCommentStatus(value: string): CommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(value) ? (value as CommentStatus) : 'pending';
}

/** Blogger's heading words: "No comments", "1 comment", "12 comments". */
export function commentCountLabel(count: number): string {
  if (count === 0) return 'No comments';
  if (count === 1) return '1 comment';
  return `${count.toLocaleString('en-US')} comments`;
}

export interface CommentOwnership {
  authorId: string | null;
  status: string;
  createdAt: Date;
}

export interface ViewerRef {
  id: string;
  role: string;
}

/** Authors edit their own published or held comment within the edit window. */
export function canEditComment(comment: CommentOwnership, viewer: ViewerRef | null, now: Date, windowMinutes: number): boolean {
  if (!viewer || comment.authorId !== viewer.id) return false;
  if (comment.status !== 'published' && comment.status !== 'pending') return false;
  return now.getTime() - comment.createdAt.getTime() <= windowMinutes * 60_000;
}

export function editWindowClosed(comment: CommentOwnership, now: Date, windowMinutes: number): boolean {
  return now.getTime() - comment.createdAt.getTime() > windowMinutes * 60_000;
}

/** Authors delete their own comment at any time. */
export function canDeleteComment(comment: CommentOwnership, viewer: ViewerRef | null): boolean {
  return Boolean(viewer && comment.authorId === viewer.id && comment.status !== 'deleted');
}

/**
 * Where a reply attaches. Replies nest `maxDepth` levels deep at most; a reply to a comment at
 * the deepest level joins its parent's replies instead, so Reply never disappears.
 */
export function replyPlacement(parent: { id: number; parentId: number | null; depth: number; rootId: number | null }, maxDepth: number) {
  const attachTo = parent.depth >= maxDepth && parent.parentId !== null ? parent.parentId : parent.id;
  const depth = Math.min(parent.depth + 1, maxDepth);
  return { parentId: attachTo, depth, rootId: parent.rootId ?? parent.id };
}

/** Statuses that hold a place in the thread: published, and deleted (which may keep its replies' place). */
function holdsPlace(status: string | null): boolean {
  return status === 'published' || status === 'deleted';
}

/**
 * How a status change moves the post's counters. `published` counts comments readers see;
 * `topLevel` counts top-level places, which pagination is built on.
 */
export function counterDelta(before: string | null, after: string | null, isTopLevel: boolean) {
  const published = (after === 'published' ? 1 : 0) - (before === 'published' ? 1 : 0);
  const topLevel = isTopLevel ? (holdsPlace(after) ? 1 : 0) - (holdsPlace(before) ? 1 : 0) : 0;
  return { published, topLevel };
}

export interface ThreadRow {
  id: number;
  parentId: number | null;
  status: string;
  createdAt: Date;
}

export type ThreadNode<T extends ThreadRow> = T & { replies: ThreadNode<T>[]; removed: boolean };

/**
 * Nests a page's comments under their parents, oldest first. A deleted comment stays as a
 * "removed" placeholder while it has replies to hold together; without replies it disappears.
 * Rows whose parent is not in the list (hidden or on another page) are dropped.
 */
export function buildThread<T extends ThreadRow>(rows: T[]): ThreadNode<T>[] {
  const byOldest = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const nodes = new Map<number, ThreadNode<T>>();
  for (const row of byOldest) nodes.set(row.id, { ...row, replies: [], removed: row.status === 'deleted' });
  const roots: ThreadNode<T>[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  const prune = (list: ThreadNode<T>[]): ThreadNode<T>[] =>
    list.filter((node) => {
      node.replies = prune(node.replies);
      return !node.removed || node.replies.length > 0;
    });
  return prune(roots);
}

/** Which page of top-level comments holds the comment at `position` (0-based, oldest first). */
export function pageOfPosition(position: number, perPage: number): number {
  return Math.floor(position / perPage) + 1;
}

export function pageCount(topLevelCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(topLevelCount / perPage));
}

/**
 * Where an address asking for a comments page other than the one shown should go: past the last
 * page (a stale link, or a crawler counting upwards), or not a page number at all. Null when the
 * address already names the page shown. Each post thus has as many addresses as its thread has
 * pages, for readers, search engines and the page cache alike; the address's other wishes
 * (`?reply=`, a notice) go along.
 */
export function strayCommentsPage(path: string, query: Record<string, string | string[] | undefined>, shown: number): string | null {
  const asked = query.comments;
  if (asked === undefined || asked === String(shown)) return null;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === 'comments' || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  if (shown > 1) params.set('comments', String(shown));
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}
