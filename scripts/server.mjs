#!/usr/bin/env node
// Quire's HTTP server: Next.js behind a small in-memory page cache for anonymous readers.
//
// A reader without a session gets the same HTML as every other reader, so those pages are kept
// (raw and gzipped) and served without running React again. They are dropped exactly when comments
// they show change: the cache polls the comment epoch (a token that moves on any comment or
// comment-setting change, on any instance sharing the database; see readEpoch) every
// PAGE_CACHE_POLL_MS (500 ms by default), and when it moves, reads which posts' threads changed and
// drops the pages that show those posts (each page names them: data-quire-posts). A settings change drops everything. A write handled here stops
// the cache serving before its answer leaves, until that check has run. Signed-in readers, forms,
// the API and admin pages always go to Next.
// Before anything reads a setting: PORT, HOST and the cache's settings are read below, before Next.
import './load-env.mjs';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isKeptAddress, PageStore } from './page-store.mjs';

process.env.NODE_ENV = 'production';
const root = path.resolve(import.meta.dirname, '..');
// Digits only: Number() would read an empty PORT= as 0, a port the system picks, which no reader
// and not the server's own start-up check could find.
const portSetting = process.env.PORT ?? '3000';
const port = /^\d{1,5}$/.test(portSetting) ? Number(portSetting) : NaN;
if (!(port >= 1 && port <= 65_535)) {
  console.error(`quire: PORT must be a whole number from 1 to 65535 (default 3000), not "${process.env.PORT}"`);
  process.exit(1);
}
const hostname = process.env.HOST ?? '0.0.0.0';
// Switches and numbers read further on, where a value they do not know would quietly mean their
// default: "TRUST_PROXY=yes" would leave every reader with the proxy's address.
for (const [name, allowed, what] of [
  ['PAGE_CACHE', /^(on|off)$/, '"on" or "off" (default on)'],
  ['TRUST_PROXY', /^(1|true|0|false)$/, '"1" or "true" behind one proxy, "0", "false" or unset otherwise'],
  ['FORM_MIN_SECONDS', /^\d+(\.\d+)?$/, 'a number of seconds such as 3 or 0.5 (default 3)'],
]) {
  const value = process.env[name];
  if (value !== undefined && value !== '' && !allowed.test(value)) {
    console.error(`quire: ${name} must be ${what}, not "${value}"`);
    process.exit(1);
  }
}
// How stale a cached page may be after a change made on another instance (or straight in the database).
// Checked at start: "500ms" would be NaN, and setInterval runs NaN (or anything past its limit of
// about 24 days) every millisecond, asking the database without pause.
const EPOCH_POLL_MS = Number(process.env.PAGE_CACHE_POLL_MS ?? 500);
if (!Number.isInteger(EPOCH_POLL_MS) || EPOCH_POLL_MS < 50 || EPOCH_POLL_MS > 3_600_000) {
  console.error(
    `quire: PAGE_CACHE_POLL_MS must be a whole number of milliseconds from 50 to 3600000 (default 500), not "${process.env.PAGE_CACHE_POLL_MS}"`,
  );
  process.exit(1);
}
// The server asks itself; through loopback unless it listens on one address only.
const SELF = `http://${hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
const MAX_ENTRIES = 500;
// And at most this many bytes in all: a long thread's page can weigh a megabyte.
const MAX_BYTES = 64 * 1024 * 1024;
// What the clock changes without moving the epoch: a scheduled post's time comes (it joins the home
// page, archives and feed), a post's comments close by age (autoCloseDays). A kept page lives at
// most this long, so those show within a minute; one render a minute per page costs nothing.
const MAX_AGE_SECONDS = Number(process.env.PAGE_CACHE_MAX_AGE ?? 60);
if (!(MAX_AGE_SECONDS > 0)) {
  console.error(
    `quire: PAGE_CACHE_MAX_AGE must be a number of seconds above 0 (default 60), not "${process.env.PAGE_CACHE_MAX_AGE}"`,
  );
  process.exit(1);
}
// Pages rendered while the database failed carry this mark (components/partial-page-mark.tsx).
// Matched as an attribute inside a tag: a comment's text may say the same words, but comment HTML
// never holds a tag with that attribute (the sanitizer drops it), and its text cannot open a tag.
const PARTIAL_PAGE = /<[a-z][^<>]*\sdata-quire-partial[\s=>]/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;
const UNCACHED_PREFIXES = ['/api/', '/_next/', '/admin', '/signin', '/register'];
const DROPPED_HEADERS = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'cache-control',
  'vary',
]);

// With TRUST_PROXY=1 the app sits behind one reverse proxy, whose address is the connection's and
// who appends the reader's to X-Forwarded-For; without it the connection's address is the reader's.
const TRUST_PROXY = process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true';
const CLIENT_ADDRESS_HEADER = 'x-quire-client-address'; // read by lib/http/client-ip.ts
// Tells lib/http/client-ip.ts that this server sets the header on every request (Next runs in this
// process); under `next dev` nobody does, and a client could send its own.
globalThis[Symbol.for('quire.clientAddressSet')] = true;

function clientAddress(req) {
  if (TRUST_PROXY) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (forwarded.length > 0) return forwarded[forwarded.length - 1];
  }
  return req.socket.remoteAddress ?? '';
}

// Comment forms carry a signed "rendered at" stamp (lib/spam/form-stamp.ts, same format and key).
// A cached page would hand every reader the time it was cached, so each response gets a new one.
const FORM_STAMP = /qs1\.[0-9a-z]{1,12}\.[\w-]{27}/g;
let stampKey = null;
function freshFormStamp() {
  stampKey ??= authSecret();
  const issuedAt = Date.now().toString(36);
  const signature = createHmac('sha256', stampKey).update(`comment-form:${issuedAt}`).digest('base64url').slice(0, 27);
  return `qs1.${issuedAt}.${signature}`;
}

/**
 * AUTH_SECRET, or the key in data/auth-secret. The app made that file when it first rendered a
 * form (lib/auth/secret.ts), which is before any page with a form can be cached here.
 */
function authSecret() {
  return (
    process.env.AUTH_SECRET?.trim() || readFileSync(path.join(process.cwd(), 'data', 'auth-secret'), 'utf8').trim()
  );
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** @type {PageStore<{ keptUntil: number, bytes: number, posts: string[] | null, body: Buffer, gzip: Buffer | null, template: string | null, etags: { identity: string, gzip: string }, headers: Record<string, string | string[]> }>} */
const pages = new PageStore({ maxEntries: MAX_ENTRIES, maxBytes: MAX_BYTES });
/** The readable 404 page (see readableNotFound), rendered once and kept like the pages above. */
let notFound = null;
// The epoch the kept pages show; null while it is not known (at start, after a write, when the
// database failed), and then nothing is served from or kept in the cache.
let epoch = null;
// The last epoch applied (kept through a write), and each post's thread version then: what the
// next change is compared with. threads is null when unknown; the next change then drops all.
let shownEpoch = null;
/** @type {Map<string, string> | null} */
let threads = null;
let checking = null;
// Moves with every write this instance answers. An epoch read that began before a write may predate
// it, so it is not trusted; the next check is.
let writes = 0;

function forget() {
  pages.clear();
  versions.clear();
  notFound = null;
  epoch = null;
  shownEpoch = null;
  threads = null;
}

/** Drops the pages that show any of `changed` (post ids), and pages that do not say what they show. */
function forgetPosts(changed) {
  if (changed.size === 0) return;
  for (const [key, page] of pages.entries()) {
    if (page.posts === null || page.posts.some((id) => changed.has(id))) pages.delete(key);
  }
  for (const id of changed) versions.delete(id);
}

/** Post ids whose thread version differs between two reads (new threads included). */
function changedPosts(before, after) {
  const changed = new Set();
  for (const [id, version] of after) if (before.get(id) !== version) changed.add(id);
  for (const id of before.keys()) if (!after.has(id)) changed.add(id);
  return changed;
}

/** The epoch's last part moves with the comment settings (lib/comments/queries.ts, epochOf). */
const settingsPart = (token) => (typeof token === 'string' ? token.split('.')[2] : undefined);

/** Each post's thread version, from lib/startup.ts; null when the app does not share it. */
async function readThreads() {
  const shared = globalThis[Symbol.for('quire.threadVersions')];
  return typeof shared === 'function' ? shared() : null;
}

/**
 * The comment epoch: from the function lib/startup.ts shares when Next starts (a direct call into
 * the app), else from GET /api/comments/epoch through Next, which answers the same.
 */
async function readEpoch() {
  const shared = globalThis[Symbol.for('quire.commentEpoch')];
  if (typeof shared === 'function') return shared();
  const response = await fetch(`${SELF}/api/comments/epoch`, {
    headers: { 'x-quire-internal': '1' },
    // Generous: this asks Next, which may be busy rendering the very pages that are missing
    // from the cache; giving up early would keep the cache off exactly when it is needed.
    signal: AbortSignal.timeout(30_000),
  });
  return (await response.json()).epoch;
}

async function checkEpoch() {
  checking ??= (async () => {
    const writesBefore = writes;
    try {
      const current = await readEpoch();
      if (writes !== writesBefore || current === epoch) return;
      // It moved (or a write here left it unknown): which posts changed? The epoch applied is the
      // one those same rows make, so a change after them moves it again at the next check.
      const fresh = await readThreads();
      if (writes !== writesBefore) return;
      const next = fresh ? fresh.epoch : current;
      const nextThreads = fresh ? new Map(fresh.threads) : null;
      // Per post needs both reads and the same settings; anything else (no thread versions shared,
      // the database unavailable, new settings) drops everything.
      if (threads !== null && nextThreads !== null && settingsPart(next) === settingsPart(shownEpoch)) {
        forgetPosts(changedPosts(threads, nextThreads));
      } else {
        forget();
      }
      if (next === 'unavailable') return;
      epoch = next;
      shownEpoch = next;
      threads = nextThreads;
    } catch {
      forget();
    } finally {
      checking = null;
    }
  })();
  return checking;
}

/**
 * A write (comment, moderation, settings) must be visible to the very next request its author
 * makes here. So before the write's answer leaves the cache stops serving; the next poll (by default
 * within half a second) reads past the write, drops the pages it changed and serves the rest again. A write is any
 * request but a read (forms without JavaScript post to the page's own address, so the path says
 * little) that was not refused, a 4xx or 5xx having changed nothing; signing in and registering
 * change no page that anonymous readers share.
 */
const NOT_WRITING_PREFIXES = ['/api/auth/', '/api/users', '/signin', '/register'];

function mayWrite(req) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  const url = req.url ?? '/';
  return !NOT_WRITING_PREFIXES.some((prefix) => url.startsWith(prefix));
}

function followWrite(res) {
  const writeHead = res.writeHead.bind(res);
  const stopServing = () => {
    if (res.statusCode >= 400) return;
    writes += 1;
    // Nothing is served or kept until the next check reads past this write and drops what it
    // changed. Not a check at once: a burst of comments would run one per comment, for nothing.
    epoch = null;
  };
  res.writeHead = (status, ...rest) => {
    res.statusCode = status;
    stopServing();
    return writeHead(status, ...rest);
  };
  res.once('finish', stopServing);
}

const cacheEnabled = process.env.PAGE_CACHE !== 'off';

function cacheable(req) {
  if (!cacheEnabled) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (SESSION_COOKIE.test(req.headers.cookie ?? '')) return false;
  // Client-side navigations and server actions ask for React payloads, not documents.
  if (req.headers.rsc || req.headers['next-action'] || req.headers['next-router-prefetch']) return false;
  const url = req.url ?? '/';
  return isKeptAddress(url) && !UNCACHED_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** If-None-Match's weak comparison (RFC 9110): any listed tag, weak or strong, with the same opaque value. */
function notModified(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function send(req, res, page) {
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const etag = gzip ? page.etags.gzip : page.etags.identity;
  if (notModified(req.headers['if-none-match'], etag)) {
    res.writeHead(304, { ...page.headers, etag }).end();
    return;
  }
  let body = gzip ? page.gzip : page.body;
  if (page.template !== null) {
    // A page with a comment form: the same page with this response's own form stamp.
    const stamped = Buffer.from(page.template.replace(FORM_STAMP, freshFormStamp()));
    body = gzip ? gzipSync(stamped, { level: 1 }) : stamped;
  }
  res.writeHead(200, {
    ...page.headers,
    etag,
    'content-length': body.length,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The posts whose comments (or counts) a page shows, from the data-quire-posts attributes the post
 * page and the listings carry; null when it names none (or names them unreadably), and such a page
 * goes with any change. Matched inside tags only, as PARTIAL_PAGE is: comments may quote it.
 */
function postsNamedIn(html) {
  let named = null;
  try {
    for (const [, ids] of html.matchAll(/<[a-z][^<>]*\sdata-quire-posts="([^"]*)"/g)) {
      named ??= [];
      for (const id of ids.split(' ')) if (id) named.push(decodeURIComponent(id));
    }
  } catch {
    return null;
  }
  return named;
}

/** Tee what Next writes for this request and keep it if it is a plain 200 HTML page for anyone. */
function capture(key, res, startedAt) {
  const chunks = [];
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = (chunk, encoding, callback) => {
    if (chunk) chunks.push(toBuffer(chunk, encoding));
    return write(chunk, encoding, callback);
  };
  res.end = (chunk, encoding, callback) => {
    try {
      if (chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
      keep(key, res, startedAt, Buffer.concat(chunks));
    } catch (error) {
      // Keeping is an optimisation: whatever went wrong, the reader still gets the whole page.
      console.error('quire: a page could not be kept', error);
    }
    return end(chunk, encoding, callback);
  };
}

/** Keeps `body`, Next's answer to an anonymous GET, if it is a plain 200 HTML page for anyone. */
function keep(key, res, startedAt, body) {
  const headers = res.getHeaders();
  const type = String(headers['content-type'] ?? '');
  // A write elsewhere while this page rendered would make it stale: keep it only if the epoch held.
  if (
    res.statusCode !== 200 ||
    headers['set-cookie'] ||
    !type.startsWith('text/html') ||
    epoch === null ||
    epoch !== startedAt.epoch ||
    writes !== startedAt.writes ||
    body.length === 0
  ) {
    return;
  }
  const template = body.toString('utf8');
  if (PARTIAL_PAGE.test(template)) return;
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !DROPPED_HEADERS.has(name)));
  const stamped = FORM_STAMP.test(template);
  FORM_STAMP.lastIndex = 0;
  const gzip = stamped ? null : gzipSync(body);
  // A stamped page keeps its text to restamp; the others their gzip.
  const bytes = body.length + (gzip?.length ?? template.length);
  // Each encoding is its own representation, with its own tag; a page restamped on every hit is
  // the same page in different bytes each time, so its tags are weak.
  const tag = `q${createHash('sha1').update(body).digest('base64url').slice(0, 20)}`;
  const weak = stamped ? 'W/' : '';
  pages.set(key, {
    keptUntil: Date.now() + MAX_AGE_SECONDS * 1000,
    bytes,
    posts: postsNamedIn(template),
    body,
    gzip,
    template: stamped ? template : null,
    etags: { identity: `${weak}"${tag}"`, gzip: `${weak}"${tag}-gz"` },
    // Made once here: a hit only adds the validator, the length (and the encoding).
    headers: {
      ...kept,
      'cache-control': 'public, max-age=0, s-maxage=5, stale-while-revalidate=60',
      vary: 'Cookie, Accept-Encoding',
      'x-quire-cache': 'hit',
    },
  });
}

/**
 * Next 16 answers a page that calls notFound() with an HTML shell whose content only JavaScript
 * renders. For documents, keep Next's 404 status and headers but send the fully rendered
 * /not-found-page instead, so the message reads without JavaScript.
 */
function readableNotFound(req, res) {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html') || req.headers.rsc) return;
  let swallow = null;
  const decide = () => {
    if (swallow === null) {
      swallow = res.statusCode === 404 && String(res.getHeader('content-type') ?? '').startsWith('text/html');
      if (swallow) {
        // The page sent instead is plain text; Next may have chosen to gzip its own.
        res.removeHeader('content-length');
        res.removeHeader('content-encoding');
      }
    }
    return swallow;
  };
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.writeHead = (status, ...rest) => {
    res.statusCode = status;
    const headers = rest.find((arg) => arg && typeof arg === 'object');
    if (headers && !Array.isArray(headers))
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    decide();
    return writeHead(res.statusCode);
  };
  res.write = (chunk, encoding, callback) => (decide() ? true : write(chunk, encoding, callback));
  res.end = (chunk, encoding, callback) => {
    if (!decide()) return end(chunk, encoding, callback);
    void (async () => {
      try {
        end(await notFoundPageFor(req));
      } catch {
        end(
          '<!DOCTYPE html><title>Page not found</title><h1>Sorry, the page you were looking for does not exist.</h1>',
        );
      }
    })();
    return res;
  };
}

/**
 * The rendered 404 page for this reader. Anonymous readers share one, kept as long as a page (its
 * Blog Archive changes with the clock as theirs do). A signed-in reader's names them (and an
 * admin's links to the queue), so it is rendered with their cookies, for them alone.
 */
async function notFoundPageFor(req) {
  const cookie = req.headers.cookie ?? '';
  if (SESSION_COOKIE.test(cookie)) return renderNotFoundPage({ cookie });
  if (notFound === null || notFound.keptUntil <= Date.now()) {
    notFound = { html: await renderNotFoundPage({}), keptUntil: Date.now() + MAX_AGE_SECONDS * 1000 };
  }
  return notFound.html;
}

async function renderNotFoundPage(headers) {
  const page = await fetch(`${SELF}/not-found-page`, {
    headers: { accept: 'text/html', ...headers },
    signal: AbortSignal.timeout(5_000),
  });
  // Only a page that rendered is used: a failed one kept would answer every 404 after it.
  if (!page.ok) throw new Error(`/not-found-page answered ${page.status}`);
  return page.text();
}

// The live check (GET /api/posts/{id}/comments/version?since=N) is what every open post page asks
// every few seconds. A thread's version only moves with the epoch, so the version Next last
// answered for a post is kept here until the epoch moves, and "nothing new" (204) is answered
// without running Next. Any other question goes to Next, whose answer is then remembered.
const VERSION_CHECK = /^\/api\/posts\/([^/?]+)\/comments\/version\?since=(\d+)$/;
/** @type {Map<string, number>} post id → the thread's version under the current epoch */
const versions = new Map();
const MAX_VERSIONS = 10_000;

function answerVersionCheck(req, res) {
  if (!cacheEnabled || req.method !== 'GET' || epoch === null) return false;
  const match = VERSION_CHECK.exec(req.url ?? '');
  if (!match) return false;
  const [, postId, since] = match;
  if (versions.get(postId) === Number(since)) {
    res.writeHead(204, { 'cache-control': 'no-store', 'x-quire-cache': 'hit' }).end();
    return true;
  }
  const learnedUnder = epoch;
  const writesBefore = writes;
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status, ...rest) => {
    if (status === 204 && epoch === learnedUnder && writes === writesBefore && postId.length <= 200) {
      // Bounded like the pages: the oldest answer goes first.
      if (versions.size >= MAX_VERSIONS) versions.delete(versions.keys().next().value);
      versions.set(postId, Number(since));
    }
    return writeHead(status, ...rest);
  };
  return false;
}

const server = http.createServer(async (req, res) => {
  try {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req);
    if (answerVersionCheck(req, res)) return;
    const shared = cacheable(req);
    const kept = shared ? pages.get(req.url ?? '/') : undefined;
    if (kept && epoch !== null && kept.keptUntil > Date.now()) return send(req, res, kept);
    readableNotFound(req, res);
    if (shared && req.method === 'GET') {
      const key = req.url ?? '/';
      res.setHeader('x-quire-cache', 'miss');
      // Stored uncompressed; gzip is made once here and chosen per reader when served.
      delete req.headers['accept-encoding'];
      capture(key, res, { epoch, writes });
      return await handle(req, res);
    }
    if (mayWrite(req)) followWrite(res);
    await handle(req, res);
  } catch (error) {
    console.error('quire: request failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal error');
  }
});

// Longer than the idle time of the clients and proxies in front, so that an idle keep-alive
// connection is closed by them, never by us just as they send on it (which they see as a reset).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Not listening is not serving: say why and exit non-zero, so a service manager or deploy script
// sees a blog that never came up (Next's own handler would log the error and let the process end with 0).
server.on('error', (error) => {
  const why =
    'code' in error && error.code === 'EADDRINUSE'
      ? `port ${port} on ${hostname} is already in use (another server, or a blog still running): stop it or set PORT`
      : 'code' in error && (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        ? `HOST "${hostname}" is not an address of this machine: set HOST to one of them, or leave it unset for all`
        : 'code' in error && error.code === 'EACCES'
          ? `port ${port} needs more privileges than this user has: set PORT to 1024 or above`
          : error.message;
  console.error(`quire: cannot listen: ${why}`);
  process.exit(1);
});
server.listen(port, hostname, async () => {
  const shown = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  // Next runs the start-up checks (content, settings, migrations: instrumentation.ts) before the
  // first request it answers, not before it listens. Asking once here makes them run now, so
  // "ready" comes after them, and a setting that stops the start is never preceded by it.
  await fetch(`${SELF}/api/health`, { signal: AbortSignal.timeout(120_000) })
    .then((response) => response.arrayBuffer())
    .catch(() => {});
  console.log(`quire: ready on http://${shown}:${port}`);
  void checkEpoch();
  setInterval(() => void checkEpoch(), EPOCH_POLL_MS).unref();
});
// On SIGTERM/SIGINT: stop taking connections, close the idle ones, let requests in flight finish,
// then exit. A request that is still open after the grace period (a client that never finishes
// sending its body, say) does not keep a stopped server alive.
const SHUTDOWN_GRACE_MS = 10_000;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`quire: ${signal}, finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s)`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(`quire: requests still open after ${SHUTDOWN_GRACE_MS / 1000} s; stopping without them`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  });
}
