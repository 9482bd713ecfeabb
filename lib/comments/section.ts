import type { Post } from '@/lib/content/posts';
import { banMessage, getActiveBan } from '@/lib/moderation/bans';
import { closedRegardless } from '@/lib/moderation/hold-rules';
import type { Viewer } from '@/lib/users/accounts';
import { getComment, getThreadState, listCommentPage, type CommentPage } from './queries';
import { canEditComment } from './rules';
import { getCommentSettings } from './settings';

export type CommentSectionState =
  | { available: false }
  | {
      available: true;
      count: number;
      version: number;
      closed: boolean;
      /** Why the post stays closed whatever an admin presses (its front matter, its age), if it does. */
      closedRegardless: string | null;
      guestsAllowed: boolean;
      /** Why the signed-in viewer may not comment (a ban), told where the comment box would be. */
      banned: string | null;
      page: CommentPage;
      editableIds: Set<number>;
      editing: Editing | null;
    };

/**
 * The author's comment open for editing (`?edit=`). It stays open after its edit window has passed,
 * or its author was banned (`open: false`), while it holds the author's words, so the text being
 * typed is not taken away: the box says why it cannot be saved. A box nobody typed in gives way to
 * the comment (EditCommentForm).
 */
export interface Editing {
  id: number;
  body: string;
  open: boolean;
  /** Why the author may not save it when that is a ban on their account (the ban's own message). */
  banned: string | null;
}

/**
 * Everything the comment section of a post page needs, in a handful of indexed queries. If the
 * database cannot answer, the section says so and the rest of the page is unaffected.
 */
export async function loadCommentSection(options: {
  post: Post;
  viewer: Viewer | null;
  page: number;
  editId: number | null;
}): Promise<CommentSectionState> {
  const { post, viewer } = options;
  try {
    const [settings, thread, ban] = await Promise.all([
      getCommentSettings(),
      getThreadState(post.id),
      viewer ? getActiveBan(viewer.id) : null,
    ]);
    const page = await listCommentPage({
      postId: post.id,
      page: options.page,
      perPage: settings.commentsPerPage,
      topLevelCount: thread.topLevelCount,
      viewer,
    });
    const now = new Date();
    const editableIds = new Set<number>();
    const ownIds = new Set<number>();
    const visit = (nodes: CommentPage['thread']) => {
      for (const node of nodes) {
        if (!ban && canEditComment(node, viewer, now, settings.editWindowMinutes)) editableIds.add(node.id);
        if (viewer && node.authorId === viewer.id && !node.removed) ownIds.add(node.id);
        visit(node.replies);
      }
    };
    visit(page.thread);
    const banned = ban ? banMessage(ban) : null;
    let editing: Editing | null = null;
    if (options.editId !== null && ownIds.has(options.editId)) {
      const comment = await getComment(options.editId);
      if (comment) editing = { id: comment.id, body: comment.body, open: editableIds.has(comment.id), banned };
    }
    const closedAnyway = closedRegardless(post, settings.autoCloseDays, now);
    return {
      available: true,
      count: thread.publishedCount,
      version: thread.version,
      closed: closedAnyway !== null || thread.closed,
      closedRegardless: closedAnyway,
      guestsAllowed: settings.whoMayComment === 'anyone',
      banned,
      page,
      editableIds,
      editing,
    };
  } catch (error) {
    console.error(`comments for post "${post.id}" are unavailable:`, error instanceof Error ? error.message : error);
    return { available: false };
  }
}
