import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Every link between the blog's own pages. Next prefetches a link as soon as it scrolls into view,
 * and every page here renders per request (the comment section is live; the page cache keeps HTML,
 * not the router's requests), so one reader opening a post cost the server a render of each page
 * the sidebar and header link to, twice, and again after every live update. A link here fetches
 * its page only when it is followed.
 */
export function SiteLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
