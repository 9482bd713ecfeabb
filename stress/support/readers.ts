// Readers over HTTP with Node's fetch, as the README's API table describes: register, sign in
// through Auth.js's endpoints, post comments, and read the thread back through the API and the page.
import { randomUUID } from 'node:crypto';

const POST_ID = 'from-russia-with-love';
export const POST_PATH = '/2016/09/from-russia-with-love';
/** No request may go unanswered for longer than this: a timeout fails the test like a 5xx. */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface Reader {
  email: string;
  password: string;
  cookie: string;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** POST /api/users, then Auth.js's credentials sign-in; the session cookie is the reader. */
export async function registerAndSignIn(baseUrl: string, label: string): Promise<Reader> {
  const suffix = randomUUID().slice(0, 12);
  const email = `stress-${label}-${suffix}@example.com`;
  const password = `pw-${suffix}-long-enough`;
  const created = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: `Stress ${suffix.slice(0, 6)}`, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (created.status !== 201) throw new Error(`POST /api/users answered ${created.status}: ${await created.text()}`);
  return signIn(baseUrl, email, password);
}

/** Signs in an existing account through Auth.js, as a browser's form would; its session cookie comes back. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Reader> {
  const signal = () => AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: signal() });
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }),
    redirect: 'manual',
    signal: signal(),
  });
  cookiesOf(signedIn, jar);
  if (![...jar.keys()].some((name) => name.endsWith('authjs.session-token')))
    throw new Error(`sign-in of ${email} answered ${signedIn.status} without a session cookie`);
  return { email, password, cookie: header(jar) };
}

/** `count` readers, at most `concurrency` signing up at once (each costs two bcrypt hashes on the server). */
export async function signUpReaders(baseUrl: string, count: number, concurrency: number): Promise<Reader[]> {
  const readers: Reader[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        readers[index] = await registerAndSignIn(baseUrl, String(index));
      }
    }),
  );
  return readers;
}

export interface Attempt {
  text: string;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  id?: number;
  error?: string;
  ms: number;
}

/** POST /api/posts/{id}/comments as `reader`; never throws: what happened is in the attempt. */
export async function sendComment(baseUrl: string, reader: Reader, text: string): Promise<Attempt> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/posts/${POST_ID}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: reader.cookie },
      body: JSON.stringify({ body: text }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // The status line can arrive without the body when the server is killed in between.
    const body = (await response.json().catch(() => ({}))) as { comment?: { id: number }; error?: string };
    return { text, status: response.status, id: body.comment?.id, error: body.error, ms: performance.now() - started };
  } catch (error) {
    return {
      text,
      status: 0,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ms: performance.now() - started,
    };
  }
}

/**
 * Every reader writes its share of `total` comments one after another, all readers at once. With
 * `stopOnNoAnswer` a reader stops at its first unanswered request (the server was killed).
 */
export async function commentBurst(
  baseUrl: string,
  readers: Reader[],
  total: number,
  options: { tag: string; stopOnNoAnswer?: boolean; onAttempt?: (attempt: Attempt) => void },
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let next = 0;
  await Promise.all(
    readers.map(async (reader, writer) => {
      while (next < total) {
        const index = next++;
        const attempt = await sendComment(
          baseUrl,
          reader,
          `${options.tag} comment ${index} by writer ${writer} ${randomUUID()}`,
        );
        attempts.push(attempt);
        options.onAttempt?.(attempt);
        if (attempt.status === 0 && options.stopOnNoAnswer) return;
      }
    }),
  );
  return attempts;
}

export interface ApiThread {
  total: number;
  comments: { id: number; html: string }[];
}

/** Every published comment of the post through GET /api/posts/{id}/comments, following nextCursor. */
export async function readThroughApi(baseUrl: string): Promise<ApiThread> {
  const comments: ApiThread['comments'] = [];
  let cursor: number | null = null;
  let total = -1;
  for (let pages = 0; pages < 10_000; pages++) {
    const response = await fetch(
      `${baseUrl}/api/posts/${POST_ID}/comments?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      },
    );
    if (response.status !== 200) throw new Error(`GET comments answered ${response.status}`);
    const page = (await response.json()) as {
      total: number;
      nextCursor: number | null;
      comments: ApiThread['comments'];
    };
    total = page.total;
    comments.push(...page.comments);
    cursor = page.nextCursor;
    if (cursor === null) return { total, comments };
  }
  throw new Error('GET comments never ended: nextCursor kept coming');
}

/** The count in the post page's comment heading ("5,000 comments:"), as an anonymous reader sees it. */
export async function countOnPage(baseUrl: string): Promise<number> {
  const html = await (
    await fetch(`${baseUrl}${POST_PATH}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  ).text();
  const heading = /id="comments-heading"[^>]*>([^<]*)</.exec(html)?.[1];
  if (heading === undefined) throw new Error('the post page has no comment heading');
  if (heading.startsWith('No comments')) return 0;
  const count = /^([\d,]+) comments?/.exec(heading)?.[1];
  if (count === undefined) throw new Error(`the comment heading reads "${heading}", not a count`);
  return Number(count.replaceAll(',', ''));
}

export const postId = POST_ID;
