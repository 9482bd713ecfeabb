import { SiteLink } from '@/components/site-link';
import type { Site } from '@/lib/content/site';

/** The blog's masthead. On the home page the blog title is the page's h1; elsewhere the post is. */
export function SiteHeader({ site, children }: { site: Site; children?: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="site-title">
          <SiteLink href="/">{site.title}</SiteLink>
        </p>
        {site.description && <p className="site-description">{site.description}</p>}
        {children}
      </div>
    </header>
  );
}
