// The blog's HTTP API as the README describes it: register a reader, sign in through Auth.js's
// endpoints, and check pages and answers before they are put under load.
import { randomUUID } from 'node:crypto';

export interface Reader {
  email: string;
  name: string;
  password: string;
}

export function newReader(label: string): Reader {
  const suffix = randomUUID().slice(0, 8);
  return {
    email: `bench-${label}-${suffix}@example.com`,
    name: `Bench ${label} ${suffix}`,
    password: `pw-${suffix}-long-enough`,
  };
}

/** `POST /api/users`; returns the status (201 when created). */
export async function register(base: string, reader: Reader): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reader),
  });
  return { status: response.status, text: await response.text() };
}

function cookiesFrom(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return jar;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * Auth.js credentials sign-in: `GET /api/auth/csrf` (token + cookie), then the form POST to
 * `/api/auth/callback/credentials`. Returns the Cookie header carrying the session; throws if the
 * session does not name the reader.
 */
export async function signIn(base: string, reader: Reader): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  const jar = cookiesFrom(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email: reader.email, password: reader.password, csrfToken, callbackUrl: '/' }),
  });
  await callback.arrayBuffer();
  for (const [name, value] of cookiesFrom(callback)) jar.set(name, value);
  const sessionName = [...jar.keys()].find((name) => /authjs\.session-token/.test(name));
  if (!sessionName) {
    throw new Error(
      `sign-in of ${reader.email} set no session cookie (callback answered ${callback.status} ${callback.headers.get('location') ?? ''})`,
    );
  }
  const cookie = `${sessionName}=${jar.get(sessionName)}`;
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as {
    user?: { email?: string };
  } | null;
  if (session?.user?.email !== reader.email)
    throw new Error(`the session after signing in does not name ${reader.email}`);
  return cookie;
}

export interface PageCheck {
  status: number;
  bytes: number;
  body: Buffer;
  /** The page cache's verdict when the server sends one (x-quire-cache). */
  cache: string | null;
}

/**
 * One anonymous GET, the way the load tools send it (no cookies, no Accept-Encoding unless given).
 * `bytes` is what came over the wire: compressed when the server compressed it.
 */
export async function getPage(url: string, headers: Record<string, string> = {}): Promise<PageCheck> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity', ...headers }, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer()); // fetch has undone any gzip
  const sent = Number(response.headers.get('content-length') ?? body.length);
  return { status: response.status, bytes: sent, body, cache: response.headers.get('x-quire-cache') };
}

/** Throws unless `url` answers `status` (and the body contains `contains`, when given). */
export async function expectPage(url: string, status: number, contains?: string): Promise<PageCheck> {
  const page = await getPage(url);
  if (page.status !== status) throw new Error(`GET ${url} answered ${page.status}, expected ${status}`);
  if (contains && !page.body.toString('utf8').includes(contains))
    throw new Error(`GET ${url} does not contain "${contains}"`);
  return page;
}

/** The thread's current version, from the live check: `?since=0` answers 200 {version} or 204 (still 0). */
export async function currentVersion(base: string, postId: string): Promise<number> {
  const response = await fetch(`${base}/api/posts/${encodeURIComponent(postId)}/comments/version?since=0`);
  if (response.status === 204) return 0;
  if (!response.ok) throw new Error(`the live check answered ${response.status}`);
  return ((await response.json()) as { version: number }).version;
}

/** One comment through the API; returns the status (201 published, 202 held). */
export async function postComment(
  base: string,
  postId: string,
  cookie: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}/api/posts/${encodeURIComponent(postId)}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ body }),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * How long one render takes when no page cache answers: anonymous, but carrying a session cookie
 * that decodes to no one (caches for anonymous readers step aside for any session cookie). The
 * median of `times` sequential requests, in ms, and what the cache header said.
 */
export async function uncachedRenderMs(url: string, times = 3): Promise<{ ms: number; cache: string | null }> {
  const durations: number[] = [];
  let cache: string | null = null;
  for (let i = 0; i < times; i++) {
    const begin = performance.now();
    const response = await fetch(url, {
      headers: { cookie: 'authjs.session-token=bench-no-one', 'accept-encoding': 'identity' },
    });
    await response.arrayBuffer();
    durations.push(performance.now() - begin);
    cache = response.headers.get('x-quire-cache');
  }
  durations.sort((x, y) => x - y);
  return { ms: durations[Math.floor(durations.length / 2)]!, cache };
}
