import { calendarDateInZone } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** `/2016/09/from-russia-with-love`: year and month of the post's date in the site's time zone. */
export function postPath(post: { date: Date; slug: string }, timeZone: string): string {
  const { year, month } = calendarDateInZone(post.date, timeZone);
  return `/${year}/${pad(month)}/${post.slug}`;
}

export function labelPath(label: string): string {
  return `/label/${encodeURIComponent(label)}`;
}

export function yearPath(year: number): string {
  return `/${year}`;
}

export function monthPath(year: number, month: number): string {
  return `/${year}/${pad(month)}`;
}

/** Page 1 of a listing is the listing itself; later pages add `/page/N`. */
export function listingPagePath(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === '/' ? '' : basePath}/page/${page}`;
}

/**
 * Where a listing asked for at another address than its own should move, if anywhere: `/page/1` is
 * a second copy of the first page, and readers and search engines should find each page at one address.
 */
export function listingRedirect(requested: string, basePath: string, page: number): string | undefined {
  const own = listingPagePath(basePath, page);
  return normaliseAddress(requested) === normaliseAddress(own) ? undefined : own;
}

/**
 * An address in the one form aliases are kept and looked up in: each segment decoded, since the
 * owner may write `c++` or `c%2B%2B` and a request may bring either, and no trailing slash, since the
 * server redirects `/old/` to `/old` before any page sees it.
 */
export function normaliseAddress(pathname: string): string {
  const decoded = pathname.split('/').map(decodeSegment).join('/');
  return decoded.replace(/\/+$/, '') || '/';
}

/** A segment with a stray `%` (`100%`) cannot be decoded, and is kept as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function absoluteUrl(baseUrl: string, pathname: string): string {
  return new URL(pathname, `${baseUrl}/`).toString();
}
