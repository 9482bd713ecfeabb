import { SiteLink } from '@/components/site-link';
import { listingPagePath } from '@/lib/content/urls';

/** Blogger's "Newer Posts · Home · Older Posts" line under a listing. */
export function Pager({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="More posts">
      {page > 1 ? (
        <SiteLink href={listingPagePath(basePath, page - 1)} rel="prev" className="pager-newer">
          « Newer Posts
        </SiteLink>
      ) : (
        <span />
      )}
      <span className="pager-position">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <SiteLink href={listingPagePath(basePath, page + 1)} rel="next" className="pager-older">
          Older Posts »
        </SiteLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
