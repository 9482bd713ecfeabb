import { SiteLink } from '@/components/site-link';
import { labelPath } from '@/lib/content/urls';

export function LabelLinks({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  return (
    <span className="post-labels">
      Labels:{' '}
      {labels.map((label, i) => (
        <span key={label}>
          {i > 0 && ', '}
          <SiteLink href={labelPath(label)} rel="tag">
            {label}
          </SiteLink>
        </span>
      ))}
    </span>
  );
}
