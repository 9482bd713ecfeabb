import type { Post } from '@/lib/content/posts';
import { formatDateHeader } from '@/lib/content/dates';
import { DateHeader } from './date-header';
import { PostSummary } from './post-summary';
import { postsShown } from './posts-shown';

/** Posts grouped under Blogger-style date headers, one header per day. */
export function PostListing({
  posts,
  timeZone,
  commentCounts,
}: {
  posts: Post[];
  timeZone: string;
  /** Published comments per post id; absent when the database cannot say, and then not shown. */
  commentCounts?: Map<string, number>;
}) {
  const days: { key: string; date: Date; posts: Post[] }[] = [];
  for (const post of posts) {
    const key = formatDateHeader(post.date, timeZone);
    const last = days.at(-1);
    if (last?.key === key) last.posts.push(post);
    else days.push({ key, date: post.date, posts: [post] });
  }
  return (
    <div className="post-listing" {...(commentCounts ? postsShown(posts.map((post) => post.id)) : {})}>
      {days.map((day) => (
        <section key={day.key} className="day">
          <DateHeader date={day.date} timeZone={timeZone} />
          {day.posts.map((post) => (
            <PostSummary key={post.id} post={post} commentCount={commentCounts ? (commentCounts.get(post.id) ?? 0) : undefined} />
          ))}
        </section>
      ))}
    </div>
  );
}
