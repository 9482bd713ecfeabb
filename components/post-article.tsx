import type { ReactNode } from 'react';
import type { Post } from '@/lib/content/posts';
import { DateHeader } from './date-header';
import { LabelLinks } from './label-links';

/**
 * A whole post: date header, title, body, and Blogger's post footer. `footerExtra` is where the
 * comment count sits; `children` (the comment section) follows the article.
 */
export function PostArticle({
  post,
  timeZone,
  footerExtra,
  children,
}: {
  post: Post;
  timeZone: string;
  footerExtra?: ReactNode;
  children?: ReactNode;
}) {
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(post.date);
  // A post dated by day only sits at midnight; "at 12:00 AM" would claim a time nobody wrote.
  const hasTime = time !== '12:00 AM';
  return (
    <article className="post post-full" aria-labelledby="post-title">
      <DateHeader date={post.date} timeZone={timeZone} as="p" />
      <h1 className="post-title" id="post-title">
        {post.title}
      </h1>
      <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      <footer className="post-footer">
        <span className="post-author">
          Posted by <span className="author-name">{post.author}</span>
          {hasTime && (
            <>
              {' '}
              at <time dateTime={post.date.toISOString()}>{time}</time>
            </>
          )}
        </span>
        {footerExtra}
        <LabelLinks labels={post.labels} />
      </footer>
      {children}
    </article>
  );
}
