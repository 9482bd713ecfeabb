/**
 * Where a write (POST, PUT, PATCH, DELETE) comes from, as the browser's own headers tell:
 * - `blog`: from the blog's pages;
 * - `other-site`: from another site's page, which must not write on a reader's behalf;
 * - `misaddressed`: the browser says it sent the request from this very site (Sec-Fetch-Site, which
 *   no page can forge), yet its Origin is not the host this server was told it serves. The server
 *   is being given the wrong address, typically by a reverse proxy that does not pass the Host on.
 */
export type WriteOrigin = 'blog' | 'other-site' | 'misaddressed';

export function writeOrigin(headers: Headers): WriteOrigin {
  const origin = headers.get('origin');
  const fetchSite = headers.get('sec-fetch-site');
  if (origin === 'null') return 'other-site';
  if (!origin) return fetchSite === 'cross-site' ? 'other-site' : 'blog';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'other-site';
  }
  if (originHost === servedHost(headers)) return 'blog';
  return fetchSite === 'same-origin' ? 'misaddressed' : 'other-site';
}

/** The host this server was told the request is for: a proxy's X-Forwarded-Host, else Host. */
export function servedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host') ?? headers.get('host');
}

const REFUSED = 'Requests from other sites are not accepted.';
const MISADDRESSED = 'This blog cannot accept forms right now: its server is set up with the wrong address.';

/** What the refusal says, as JSON for scripts and the page's own requests, as a page for a browser's form post. */
export function refusedWrite(kind: Exclude<WriteOrigin, 'blog'>, acceptsHtml: boolean): Response {
  const message = kind === 'misaddressed' ? MISADDRESSED : REFUSED;
  if (!acceptsHtml) return Response.json({ error: message, errors: { request: message } }, { status: 403 });
  const advice =
    kind === 'misaddressed'
      ? 'Go back: what you wrote is still in the form. Try again later; the blog’s owner has been told in the server’s log.'
      : 'Forms of this blog can only be sent from its own pages.';
  const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not sent</title>
<h1>Not sent</h1>
<p>${message}</p>
<p>${advice}</p>
<p><a href="/">Go to the home page</a></p>
</html>
`;
  return new Response(page, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const told = new Set<string>();
const TELL_AT_MOST = 20;

/**
 * Tells the blog's owner, in the server's log, once per pair of addresses: the page's readers only
 * see that their form could not be sent, and the fix is in the proxy's settings.
 */
export function tellOwnerMisaddressed(headers: Headers, log: (line: string) => void = console.warn): void {
  const origin = headers.get('origin') ?? '';
  const host = servedHost(headers) ?? '(none)';
  const key = `${origin} ${host}`;
  if (told.has(key) || told.size >= TELL_AT_MOST) return;
  told.add(key);
  // nginx's $host drops the port: a public address with one needs $http_host.
  const onlyThePort = hostnameOf(origin) !== null && hostnameOf(origin) === hostnameOf(`http://${host}`);
  log(
    `quire: refused a write sent from ${origin} because this server was told it serves ${host}. ` +
      (onlyThePort
        ? 'Only the port differs: a reverse proxy in front must pass the Host with its port (nginx: proxy_set_header Host $http_host;).'
        : 'A reverse proxy in front must pass the Host the browser asked for (nginx: proxy_set_header Host $http_host;) ' +
          'or send it as X-Forwarded-Host.'),
  );
}

function hostnameOf(address: string): string | null {
  try {
    return new URL(address).hostname;
  } catch {
    return null;
  }
}
