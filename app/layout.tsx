import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AccountNav } from '@/components/account/account-nav';
import { SiteHeader } from '@/components/site-header';
import { getViewer } from '@/lib/auth';
import { postsFeedAlternateTypes } from '@/lib/content/alternates';
import { FEED_PATH } from '@/lib/content/feed';
import { countPending } from '@/lib/moderation/queue';
import { getSite, siteOpenGraph } from '@/lib/content/site';
import './globals.css';

export function generateMetadata(): Metadata {
  const site = getSite();
  return {
    metadataBase: new URL(`${site.baseUrl}/`),
    title: { default: site.title, template: `%s | ${site.title}` },
    description: site.description,
    alternates: { types: postsFeedAlternateTypes(site) },
    openGraph: siteOpenGraph(site),
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#1b1a18' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = getSite();
  // A database outage must not take the page down: the masthead then simply offers sign-in.
  const viewer = await getViewer().catch(() => null);
  const pendingCount = viewer?.role === 'admin' ? await countPending().catch(() => null) : null;
  return (
    <html lang={site.language}>
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <SiteHeader site={site}>
          <AccountNav viewer={viewer} pendingCount={pendingCount} />
        </SiteHeader>
        {children}
        <footer className="site-footer">
          <p>
            © {site.author} · <a href={FEED_PATH}>Subscribe to: Posts (Atom)</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
