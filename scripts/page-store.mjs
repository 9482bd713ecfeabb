// The page cache's memory (scripts/server.mjs): which addresses it may keep, and which page makes
// room when it is full.

// A post page shows its comments a page at a time (`?comments=N`); nowhere else does the query
// change what an anonymous reader sees. Every other query goes to Next, unkept: a crawler walking
// `/?comments=1`, `/?comments=2`… or `?utm_source=…` must not push the real pages out.
const POST_PATH = /^\/\d{4}\/\d{2}\/[^/?]+$/;
const COMMENT_PAGE = /^\?comments=[1-9]\d{0,6}$/;

/** Whether the page at `url` (path and query) may be kept: a bare path, or a post's comment page. */
export function isKeptAddress(url) {
  const query = url.indexOf('?');
  if (query === -1) return true;
  return COMMENT_PAGE.test(url.slice(query)) && POST_PATH.test(url.slice(0, query));
}

/**
 * Kept pages by address, at most `maxEntries` of them and `maxBytes` in all (each page says its own
 * weight in `bytes`). When full, the page read least recently goes: each read moves a page to the
 * back of the line, so pages readers keep asking for outlast addresses asked for once (a
 * crawler's), which nobody reads again.
 * @template {{ bytes: number }} Page
 */
export class PageStore {
  /** @type {Map<string, Page>} oldest use first */
  #pages = new Map();
  #bytes = 0;

  /** @param {{ maxEntries: number, maxBytes: number }} limits */
  constructor({ maxEntries, maxBytes }) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  get size() {
    return this.#pages.size;
  }

  get bytes() {
    return this.#bytes;
  }

  /** The page kept at `key`, which counts as a use: it becomes the last to go. */
  get(key) {
    const page = this.#pages.get(key);
    if (page !== undefined) {
      this.#pages.delete(key);
      this.#pages.set(key, page);
    }
    return page;
  }

  /** Keeps `page` at `key`, in place of any page there, making room if needed; false when it alone is too big to keep. */
  set(key, page) {
    this.delete(key);
    if (page.bytes > this.maxBytes) return false;
    while (this.#pages.size > 0 && (this.#pages.size >= this.maxEntries || this.#bytes + page.bytes > this.maxBytes)) {
      this.delete(this.#pages.keys().next().value);
    }
    this.#pages.set(key, page);
    this.#bytes += page.bytes;
    return true;
  }

  delete(key) {
    const page = this.#pages.get(key);
    if (page === undefined) return;
    this.#bytes -= page.bytes;
    this.#pages.delete(key);
  }

  clear() {
    this.#pages.clear();
    this.#bytes = 0;
  }

  /** Address and page of each kept page; deleting the current one while walking is safe. */
  entries() {
    return this.#pages.entries();
  }
}
