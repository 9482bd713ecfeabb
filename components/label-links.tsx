import { SiteLink } from '@/components/site-link';
import { findLabel } from '@/lib/content/listing';
import { listPublishedPosts } from '@/lib/content/posts';
import { labelPath } from '@/lib/content/urls';

/** A post's labels as it writes them, each linking to its label page at the blog's spelling, not through a redirect. */
export async function LabelLinks({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  const posts = await listPublishedPosts();
  return (
    <span className="post-labels">
      Labels:{' '}
      {labels.map((label, i) => (
        <span key={label}>
          {i > 0 && ', '}
          <SiteLink href={labelPath(findLabel(posts, label) ?? label)} rel="tag">
            {label}
          </SiteLink>
        </span>
      ))}
    </span>
  );
}
