import { describe, expect, it } from 'vitest';
import { listingAlternates, postsFeedAlternateTypes } from './alternates';

const site = { title: 'Pacific Outpost' };
const postsFeed = { 'application/atom+xml': [{ url: '/feeds/posts/default', title: 'Pacific Outpost - Atom' }] };

describe('postsFeedAlternateTypes', () => {
  it('names the posts feed for feed readers', () => {
    expect(postsFeedAlternateTypes(site)).toEqual(postsFeed);
  });
});

describe('listingAlternates', () => {
  it.each([
    ['/', 1, '/'],
    ['/', 2, '/page/2'],
    ['/2016', 1, '/2016'],
    ['/2016', 2, '/2016/page/2'],
    ['/2016/09', 3, '/2016/09/page/3'],
    ['/label/G20%20summit', 2, '/label/G20%20summit/page/2'],
  ])('%j page %i is its own canonical address %j', (basePath, page, canonical) => {
    expect(listingAlternates(site, basePath, page).canonical).toBe(canonical);
  });

  it('keeps the posts feed, which a page’s own alternates would otherwise drop', () => {
    expect(listingAlternates(site, '/label/China', 2).types).toEqual(postsFeed);
  });
});
