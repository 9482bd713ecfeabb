/**
 * The comment rules that need no database: wording, who may edit or delete, how deep replies go,
 * and how the counts move when a comment changes status. Unit-tested beside this file.
 */

export const COMMENT_STATUSES = ['published', 'pending', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

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

/** Why an edit came too late, in the blog's own terms (a window of 0 minutes means no editing at all). */
export function editWindowOverMessage(windowMinutes: number): string {
  if (windowMinutes === 0) return 'Comments on this blog cannot be edited once they are posted.';
  const span = windowMinutes === 1 ? '1 minute' : `${windowMinutes.toLocaleString('en-US')} minutes`;
  return `Comments can be edited for ${span} after posting; this one can no longer be edited.`;
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

/**
 * Whether a top-level comment holds a place in the thread's pagination: readers see it; or it was
 * deleted after readers saw it (`deletedFrom` "published"), so deleting never shifts the pages (a
 * deleted comment without replies leaves a gap); or readers see published replies under it (held
 * again after an edit, marked spam, deleted), and it shows as a placeholder above them. A comment
 * deleted while held or spam never had a place and takes none: clearing a flood of held comments
 * leaves no empty pages behind.
 */
export function holdsPlace(status: string | null, publishedReplies: number, deletedFrom: string | null = null): boolean {
  return (
    status === 'published' ||
    (status === 'deleted' && deletedFrom === 'published') ||
    (status !== null && publishedReplies > 0)
  );
}

/**
 * When readers could first see a comment, after it moves to `status`: kept once set, so a comment
 * hidden and brought back again is not new to the feeds; taken as `now` the first time it is published.
 */
export function firstPublishedAt(status: string, publishedAt: Date | null, now: Date): Date | null {
  return publishedAt ?? (status === 'published' ? now : null);
}

/**
 * What a move to `to` from `from` leaves in `removedFrom` (see the schema): set when the comment
 * leaves the thread or the queue, kept while it moves between Spam and Deleted, cleared once back.
 */
export function removedFromAfter(from: string, to: string, removedFrom: string | null): string | null {
  if (to !== 'spam' && to !== 'deleted') return null;
  return from === 'published' || from === 'pending' ? from : removedFrom;
}

/**
 * How one comment's status change moves the post's counters. `published` counts comments readers
 * see; `topLevel` counts the places pagination is built on. A top-level comment's own place
 * depends on its published replies (`conversation.publishedReplies`, unchanged by its own move)
 * and, once deleted, on what it was deleted from (`conversation.deletedFrom`, as stored: read only
 * for a comment that was deleted before this change, which a change does not rewrite; a deletion
 * takes `before`); a reply's change moves its conversation's count
 * (`conversation` is then the top-level comment, with its count before this change), which can
 * give that comment its place or take it away.
 */
export function counterDelta(
  before: string | null,
  after: string | null,
  conversation:
    | { isTopLevel: true; publishedReplies: number; deletedFrom?: string | null }
    | { isTopLevel: false; status: string; publishedReplies: number; deletedFrom?: string | null }
    | null,
) {
  const published = (after === 'published' ? 1 : 0) - (before === 'published' ? 1 : 0);
  if (!conversation) return { published, topLevel: 0 };
  const place = (held: boolean) => (held ? 1 : 0);
  const n = conversation.publishedReplies;
  const deletedFrom = conversation.deletedFrom ?? null;
  if (!conversation.isTopLevel) {
    const { status } = conversation;
    return { published, topLevel: place(holdsPlace(status, n + published, deletedFrom)) - place(holdsPlace(status, n, deletedFrom)) };
  }
  const deletedFromAfter = after === 'deleted' && before !== 'deleted' ? before : deletedFrom;
  return { published, topLevel: place(holdsPlace(after, n, deletedFromAfter)) - place(holdsPlace(before, n, deletedFrom)) };
}

export interface ThreadRow {
  id: number;
  parentId: number | null;
  status: string;
  createdAt: Date;
}

export type ThreadNode<T extends ThreadRow> = T & { replies: ThreadNode<T>[]; removed: boolean };

/**
 * Nests a page's comments under their parents, oldest first. A comment the viewer may not read
 * (`isRemoved`: by default, a deleted one) stays as a "removed" placeholder while it has replies to
 * hold together; without replies it disappears. Rows whose parent is not in the list are dropped.
 */
export function buildThread<T extends ThreadRow>(rows: T[], isRemoved: (row: T) => boolean = (row) => row.status === 'deleted'): ThreadNode<T>[] {
  const byOldest = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const nodes = new Map<number, ThreadNode<T>>();
  for (const row of byOldest) nodes.set(row.id, { ...row, replies: [], removed: isRemoved(row) });
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

/** A comment as a thread draws it, with the replies drawn under it. */
interface DrawnComment {
  id: number;
  replies: readonly DrawnComment[];
}

/** The ids of every comment a thread (`buildThread`) draws, placeholders and replies included. */
export function threadIds(nodes: readonly DrawnComment[]): Set<number> {
  const ids = new Set<number>();
  const visit = (list: readonly DrawnComment[]) => {
    for (const node of list) {
      ids.add(node.id);
      visit(node.replies);
    }
  };
  visit(nodes);
  return ids;
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
