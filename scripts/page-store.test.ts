// What the page cache keeps, and what goes first when it is full.
import { describe, expect, it } from 'vitest';
import { isKeptAddress, PageStore } from './page-store.mjs';

const page = (bytes = 1) => ({ bytes });

describe('isKeptAddress', () => {
  it.each([
    '/',
    '/2016',
    '/label/Russia',
    '/2016/09/from-russia-with-love',
    '/2016/09/from-russia-with-love?comments=2',
  ])('keeps %s', (url) => {
    expect(isKeptAddress(url)).toBe(true);
  });

  it.each([
    // Only a post page has comment pages; elsewhere the query changes nothing.
    '/?comments=2',
    '/page/2?comments=2',
    '/2016?comments=2',
    '/2016/09?comments=2',
    '/label/Russia?comments=2',
    // Queries a post page ignores, or a comment page written another way.
    '/2016/09/from-russia-with-love?utm_source=feed',
    '/2016/09/from-russia-with-love?comments=2&x=1',
    '/2016/09/from-russia-with-love?comments=02',
    '/2016/09/from-russia-with-love?comments=0',
    '/2016/09/from-russia-with-love?comments=12345678',
  ])('does not keep %s', (url) => {
    expect(isKeptAddress(url)).toBe(false);
  });
});

describe('PageStore', () => {
  it('when full, drops the page read least recently, not the one kept first', () => {
    const store = new PageStore({ maxEntries: 3, maxBytes: 100 });
    store.set('/a', page());
    store.set('/b', page());
    store.set('/c', page());
    store.get('/a');
    store.set('/d', page());
    expect([...store.entries()].map(([key]) => key)).toEqual(['/c', '/a', '/d']);
  });

  it('makes room by bytes as well as by count, and refuses a page bigger than all of it', () => {
    const store = new PageStore({ maxEntries: 10, maxBytes: 10 });
    store.set('/a', page(4));
    store.set('/b', page(4));
    store.get('/a');
    store.set('/c', page(4));
    expect([...store.entries()].map(([key]) => key)).toEqual(['/a', '/c']);
    expect(store.bytes).toBe(8);
    expect(store.set('/huge', page(11))).toBe(false);
    expect(store.size).toBe(2);
    store.set('/a', page(2));
    expect(store.bytes).toBe(6);
    store.clear();
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });

  it('keeps the pages readers read while a crawler walks through hundreds of addresses', () => {
    const maxEntries = 500;
    const store = new PageStore({ maxEntries, maxBytes: 64 * 1024 * 1024 });
    const real = ['/', '/2016/09/from-russia-with-love', '/label/Russia', '/2016'];
    for (const url of real) store.set(url, page());
    // As the server does: an address is kept only if isKeptAddress allows it.
    const visit = (url: string) => {
      if (store.get(url) === undefined && isKeptAddress(url)) store.set(url, page());
    };
    for (let n = 1; n <= 2 * maxEntries; n += 1) {
      visit(`/?comments=${n}`);
      visit(`/2016/09/from-russia-with-love?comments=${n}`);
      // Readers keep coming meanwhile, and find their pages still kept (first in, first out would
      // have let the crawler's addresses push them out by now).
      if (n % 100 === 0) for (const url of real) expect(store.get(url), `${url} after ${n} crawled addresses`).toBeDefined();
    }
    for (const url of real) expect(store.get(url), url).toBeDefined();
    expect(store.size).toBe(maxEntries);
    expect([...store.entries()].some(([key]) => key.startsWith('/?'))).toBe(false);
  });
});
