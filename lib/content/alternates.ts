import { FEED_PATH } from './feed';
import type { Site } from './site';
import { listingPagePath } from './urls';

/**
 * The posts feed, as a page's `alternates.types`: the `<link rel="alternate">` feed readers look
 * for. A page that sets `alternates` of its own replaces the layout's, so it must name the feed again.
 */
export function postsFeedAlternateTypes(site: Pick<Site, 'title'>) {
  return { 'application/atom+xml': [{ url: FEED_PATH, title: `${site.title} - Atom` }] };
}

/**
 * A listing page's alternates. Page 2 of an archive lists other posts than page 1, so each page is
 * its own canonical address rather than a copy of the first.
 */
export function listingAlternates(site: Pick<Site, 'title'>, basePath: string, page: number) {
  return { canonical: listingPagePath(basePath, page), types: postsFeedAlternateTypes(site) };
}
