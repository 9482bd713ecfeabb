import { SiteLink } from '@/components/site-link';
import { formatMonth } from '@/lib/content/dates';
import { buildArchive, countLabels } from '@/lib/content/listing';
import type { Post } from '@/lib/content/posts';
import { labelPath, monthPath, yearPath } from '@/lib/content/urls';

/** The blog's side column: Blog Archive (years → months, with counts) and Labels. */
export function Sidebar({ posts }: { posts: Post[] }) {
  const archive = buildArchive(posts);
  const labels = countLabels(posts);
  return (
    <aside className="sidebar" aria-label="Blog archive and labels">
      <section className="widget" aria-labelledby="archive-heading">
        <h2 id="archive-heading">Blog Archive</h2>
        <ul className="archive-years">
          {archive.map((year) => (
            <li key={year.year}>
              <SiteLink href={yearPath(year.year)}>{year.year}</SiteLink> <span className="count">({year.count})</span>
              <ul className="archive-months">
                {year.months.map((m) => (
                  <li key={m.month}>
                    <SiteLink href={monthPath(m.year, m.month)}>{formatMonth(m.year, m.month)}</SiteLink>{' '}
                    <span className="count">({m.count})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {labels.length > 0 && (
        <section className="widget" aria-labelledby="labels-heading">
          <h2 id="labels-heading">Labels</h2>
          <ul className="label-cloud">
            {labels.map(({ label, count }) => (
              <li key={label}>
                <SiteLink href={labelPath(label)}>{label}</SiteLink> <span className="count">({count})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
