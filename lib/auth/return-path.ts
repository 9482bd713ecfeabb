// Where a form sends the reader back to (after signing in, registering, signing out, moderating).
// The value comes from the request, so it must never lead off the blog.

const HERE = 'http://blog.invalid';
const LONGEST = 2000;

/**
 * A path on this blog to come back to; anything else falls back to `fallback` (home, unless the
 * form has a better place, like the post it acted on). The value is judged as a browser would
 * read it: browsers drop tabs and line breaks inside a URL and read a backslash as a slash, so
 * "/\t/evil.example" or "/\evil.example" mean another site, not a path here.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > LONGEST) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  // Dot segments resolve away: "/.//evil.example" is the path "//evil.example" here, which a
  // browser given it as an address reads as another site.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}

/**
 * The page a reader came from, when it was a page of this blog (`host`, as the request names it):
 * where "Sign in" in the masthead, which is the same on every page, sends them back to. Null for
 * another site, or for the account pages themselves, so no one is sent back to a sign-in form.
 */
export function cameFrom(referer: string | null | undefined, host: string | null | undefined): string | null {
  if (!referer || !host) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.host !== host || /^\/(signin|register)(\/|$)/.test(url.pathname)) return null;
  const path = safeReturnPath(`${url.pathname}${url.search}`, '');
  return path === '' ? null : path;
}

/**
 * The page an address Auth.js kept (its callback cookie: absolute, on this blog, as its redirect
 * check allows only this blog) names, to come back to; null for the account pages or no address.
 * Only its path is taken, so the host Auth.js wrote need not match the request's: Next calls
 * 127.0.0.1 "localhost".
 */
export function keptReturnPath(kept: string | null | undefined): string | null {
  if (!kept) return null;
  try {
    return cameFrom(kept, new URL(kept).host);
  } catch {
    return null;
  }
}
