import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { withHeldComments } from '@/lib/moderation/console';
import { PostModerationControls } from '@/components/admin/post-moderation-controls';
import { CommentSection, type SectionNotice } from '@/components/comments/comment-section';
import { JsonLd } from '@/components/json-ld';
import { PostArticle } from '@/components/post-article';
import { getViewer } from '@/lib/auth';
import { findCommentFor, getThreadState, isOwnLiveComment, isReplyable, listRecentPublished, type CommentRow } from '@/lib/comments/queries';
import { commentCountLabel, strayCommentsPage, threadIds } from '@/lib/comments/rules';
import { commentText } from '@/lib/comments/render';
import { loadCommentSection } from '@/lib/comments/section';
import { getPostByPath, type Post } from '@/lib/content/posts';
import { getSite, siteOpenGraph, type Site } from '@/lib/content/site';
import { absoluteUrl } from '@/lib/content/urls';
import { FEED_PATH } from '@/lib/content/feed';
import { postCommentsFeedPath } from '@/lib/comments/feed';
import { notFoundOrAlias } from '../../../not-found-or-alias';
import { issueFormStamp } from '@/lib/spam';
import { PartialPageMark } from '@/components/partial-page-mark';
import { commentIdSchema } from '@/lib/comments/schemas';
import { DELETED_RECEIPT, isDeletedNotice, notDeletedMessage } from '@/lib/comments/change-comment';
import { HELD_RECEIPT, isHeldNotice, REMOVED_COMMENT } from '@/lib/comments/post-comment';
import { notModeratedMessage } from '@/lib/moderation/moderate';

type Params = Promise<{ year: string; month: string; slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What the address may ask of the comment section; anything unparseable is ignored, not an error. */
const commentQuerySchema = z.object({
  comments: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  reply: commentIdSchema.optional().catch(undefined),
  edit: commentIdSchema.optional().catch(undefined),
  held: z.string().optional().catch(undefined),
  deleted: z.string().optional().catch(undefined),
  removed: commentIdSchema.optional().catch(undefined),
  'not-deleted': z.string().optional().catch(undefined),
  'not-moderated': z.string().optional().catch(undefined),
});

async function findPost(params: Params): Promise<Post | undefined> {
  const { year, month, slug } = await params;
  return getPostByPath(`/${year}/${month}/${slug}`);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const post = await findPost(params);
  if (!post) return {};
  const site = getSite();
  return {
    title: post.title,
    description: post.description,
    authors: [{ name: post.author }],
    keywords: post.labels,
    alternates: {
      canonical: post.path,
      // Both feeds: a page's alternates replace the layout's, which name only the posts feed.
      types: {
        'application/atom+xml': [
          { url: FEED_PATH, title: `${site.title} - Atom` },
          { url: postCommentsFeedPath(post), title: `${site.title}: comments on ${post.title} - Atom` },
        ],
      },
    },
    openGraph: {
      ...siteOpenGraph(site),
      type: 'article',
      title: post.title,
      description: post.description,
      url: post.path,
      publishedTime: post.date.toISOString(),
      authors: [post.author],
      tags: post.labels,
    },
    twitter: { card: 'summary', title: post.title, description: post.description },
  };
}

function blogPosting(post: Post, site: Site, count: number | null, comments: CommentRow[]) {
  const url = absoluteUrl(site.baseUrl, post.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    datePublished: post.date.toISOString(),
    author: { '@type': 'Person', name: post.author },
    publisher: { '@type': 'Organization', name: site.title },
    keywords: post.labels.join(', '),
    inLanguage: site.language,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(count === null ? {} : { commentCount: count }),
    comment: comments.map((comment) => ({
      '@type': 'Comment',
      '@id': `${url}#c${comment.id}`,
      author: { '@type': 'Person', name: comment.authorName },
      dateCreated: comment.createdAt.toISOString(),
      text: commentText(comment.html),
    })),
  };
}

/**
 * What the address asks the comment section to say after a form (or a comment's address) brought
 * the reader here; `removedHere`, whether the comment `?removed=` names was removed from this post.
 */
function sectionNotice(query: z.infer<typeof commentQuerySchema>, removedHere: boolean): SectionNotice | null {
  if (removedHere) return { tone: 'refused', text: REMOVED_COMMENT };
  if (isHeldNotice(query.held)) return { tone: 'done', text: HELD_RECEIPT };
  if (isDeletedNotice(query.deleted)) return { tone: 'done', text: DELETED_RECEIPT };
  const refused = notDeletedMessage(query['not-deleted']) ?? notModeratedMessage(query['not-moderated']);
  return refused ? { tone: 'refused', text: refused } : null;
}

async function adminView(post: Post, page: Parameters<typeof withHeldComments>[1]) {
  const [held, thread] = await Promise.all([withHeldComments(post.id, page), getThreadState(post.id)]);
  return { ...held, closedByAdmin: thread.closed };
}

export default async function PostPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const post = await findPost(params);
  if (!post) {
    const { year, month, slug } = await params;
    return notFoundOrAlias([year, month, slug]);
  }
  const site = getSite();
  const asked = await searchParams;
  const query = commentQuerySchema.parse(asked);
  const viewer = await getViewer().catch(() => null);
  const loaded = await loadCommentSection({ post, viewer, page: query.comments, editId: query.edit ?? null });
  // Admins also see held comments in place, each with why it waits, and moderate from here. If
  // that part fails (the database going away mid-render), they get the readers' view.
  const admin = viewer?.role === 'admin' && loaded.available ? await adminView(post, loaded.page).catch(() => null) : null;
  const section = admin && loaded.available ? { ...loaded, page: admin.page } : loaded;
  const stray = section.available ? strayCommentsPage(post.path, asked, section.page.page) : null;
  if (stray) redirect(stray);
  const recent = section.available ? await listRecentPublished(post.id).catch(() => null) : [];
  // A comment's address (`/comments/{id}`) found only its place: said if this page does not draw it.
  const removedHere =
    section.available && query.removed !== undefined && !threadIds(section.page.thread).has(query.removed)
      ? (await findCommentFor(query.removed, viewer, post.id).catch(() => null)) === 'removed'
      : false;
  // A reply the address asks for whose comment can no longer be answered (removed while the reader
  // wrote): its box, which went with the comment, comes back as a new comment (ThreadForms). Not
  // knowing (the database failing now) is not "gone": a reply is never misfiled as a new comment.
  const replyGone =
    section.available && query.reply !== undefined ? !(await isReplyable(post.id, query.reply).catch(() => true)) : false;
  // Likewise an edit box whose comment was removed while its author rewrote it (ThreadForms).
  const editGone =
    section.available && viewer !== null && query.edit !== undefined && section.editing === null
      ? !(await isOwnLiveComment(post.id, query.edit, viewer).catch(() => true))
      : false;
  // Where an admin's buttons bring them back: the page of the thread they are on.
  const threadPage = `${post.path}${query.comments > 1 ? `?comments=${query.comments}` : ''}`;
  const ctx = {
    postId: post.id,
    postPath: post.path,
    page: section.available ? section.page.page : 1,
    timeZone: site.timeZone,
    viewerId: viewer?.id ?? null,
    canComment: section.available && !section.closed && !section.banned && (viewer !== null || section.guestsAllowed),
    replyTo: query.reply ?? null,
    replyGone,
    editGone,
    boxesAsked: `${query.reply ?? ''}:${query.edit ?? ''}`,
    editing: section.available ? section.editing : null,
    editableIds: section.available ? section.editableIds : new Set<number>(),
    formStamp: issueFormStamp(),
    moderation: admin ? { heldReasons: admin.heldReasons, returnTo: threadPage } : undefined,
  };
  return (
    <>
      <PostArticle
        post={post}
        timeZone={site.timeZone}
        footerExtra={
          section.available ? (
            <a href="#comments" className="post-comment-count">
              {commentCountLabel(section.count)}
            </a>
          ) : null
        }
      >
        <CommentSection
          post={post}
          data={section}
          viewer={viewer}
          ctx={ctx}
          notice={sectionNotice(query, removedHere)}
          adminControls={
            admin && section.available ? (
              <PostModerationControls
                postId={post.id}
                returnTo={threadPage}
                closedByAdmin={admin.closedByAdmin}
                closedRegardless={section.closedRegardless}
              />
            ) : null
          }
        />
      </PostArticle>
      <JsonLd data={blogPosting(post, site, section.available ? section.count : null, recent ?? [])} />
      {recent === null && <PartialPageMark />}
    </>
  );
}
