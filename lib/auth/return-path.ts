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
  return `${url.pathname}${url.search}${url.hash}`;
}
