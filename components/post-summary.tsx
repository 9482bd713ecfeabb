import { SiteLink } from '@/components/site-link';
import type { Post } from '@/lib/content/posts';
import { commentCountLabel } from '@/lib/comments/rules';
import { LabelLinks } from './label-links';

/** A post on home, label and archive pages: title, summary or first paragraphs, labels. */
export function PostSummary({ post, commentCount }: { post: Post; commentCount?: number }) {
  return (
    <article className="post post-summary" aria-labelledby={`title-${post.id}`}>
      <h3 className="post-title" id={`title-${post.id}`}>
        <SiteLink href={post.path}>{post.title}</SiteLink>
      </h3>
      {post.summary ? (
        <div className="post-body">
          <p>{post.summary}</p>
        </div>
      ) : (
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.excerptHtml }} />
      )}
      <footer className="post-footer">
        <SiteLink href={post.path} className="read-more" aria-label={`Read more of “${post.title}”`}>
          Read more »
        </SiteLink>
        {commentCount !== undefined && (
          <SiteLink href={`${post.path}#comments`} className="post-comment-count">
            {commentCountLabel(commentCount)}
          </SiteLink>
        )}
        <LabelLinks labels={post.labels} />
      </footer>
    </article>
  );
}
