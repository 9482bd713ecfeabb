import SiteNotFound from '../not-found';

export const metadata = { title: 'Page not found', robots: { index: false } };

/**
 * The 404 page as an ordinary page. Next 16 sends pages that call notFound() as an empty shell
 * that only JavaScript fills in; the server (scripts/server.mjs) answers 404s with this instead,
 * so readers without JavaScript see the message too.
 */
export default function NotFoundPage() {
  return <SiteNotFound />;
}
