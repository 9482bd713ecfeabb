import { describe, expect, it } from 'vitest';
import { slugFromFileName, slugify } from './slug';
import { absoluteUrl, labelPath, listingPagePath, listingRedirect, monthPath, postPath, yearPath } from './urls';

describe('slugify', () => {
  it.each([
    ['From Russia with love!', 'from-russia-with-love'],
    ['From Russia with love: Moscow and Beijing', 'from-russia-with-love-moscow-and-beijing'],
    ['China’s “One Belt, One Road”', 'chinas-one-belt-one-road'],
    ["Xi's visit", 'xis-visit'],
    ['Café à Séoul', 'cafe-a-seoul'],
    ['  --Hello__World--  ', 'hello-world'],
    ['G20 2016', 'g20-2016'],
    ['北京', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['2016-09-04-from-russia-with-love.md', 'from-russia-with-love'],
    ['from-russia-with-love.md', 'from-russia-with-love'],
    ['About Me.MD', 'about-me'],
    ['notes-2016-09-04-trip.md', 'notes-2016-09-04-trip'],
    ['2016-09-04-2016-recap.md', '2016-recap'],
  ])('%j → %j', (fileName, slug) => {
    expect(slugFromFileName(fileName)).toBe(slug);
  });
});

describe('postPath', () => {
  it('uses the year and zero-padded month of the date in the site zone', () => {
    const hongKongMidnight = new Date('2016-09-03T16:00:00Z');
    expect(postPath({ date: hongKongMidnight, slug: 'from-russia-with-love' }, 'Asia/Hong_Kong')).toBe(
      '/2016/09/from-russia-with-love',
    );
    expect(postPath({ date: new Date('2016-03-01T12:00:00Z'), slug: 'a' }, 'UTC')).toBe('/2016/03/a');
    expect(postPath({ date: new Date('2016-11-30T12:00:00Z'), slug: 'a' }, 'UTC')).toBe('/2016/11/a');
  });

  it('moves across a month or year boundary with the zone', () => {
    const lateSeptemberUtc = new Date('2016-09-30T17:00:00Z');
    expect(postPath({ date: lateSeptemberUtc, slug: 'a' }, 'UTC')).toBe('/2016/09/a');
    expect(postPath({ date: lateSeptemberUtc, slug: 'a' }, 'Asia/Hong_Kong')).toBe('/2016/10/a');
    const newYearUtc = new Date('2017-01-01T05:00:00Z');
    expect(postPath({ date: newYearUtc, slug: 'a' }, 'UTC')).toBe('/2017/01/a');
    expect(postPath({ date: newYearUtc, slug: 'a' }, 'America/Los_Angeles')).toBe('/2016/12/a');
  });
});

describe('labelPath', () => {
  it.each([
    ['China', '/label/China'],
    ['G20 summit', '/label/G20%20summit'],
    ['C/C++', '/label/C%2FC%2B%2B'],
    ['100%', '/label/100%25'],
    ['Q&A?#', '/label/Q%26A%3F%23'],
    ['中国', '/label/%E4%B8%AD%E5%9B%BD'],
  ])('%j → %j', (label, path) => {
    expect(labelPath(label)).toBe(path);
  });
});

describe('year and month paths', () => {
  it('zero-pads the month', () => {
    expect(yearPath(2016)).toBe('/2016');
    expect(monthPath(2016, 9)).toBe('/2016/09');
    expect(monthPath(2016, 12)).toBe('/2016/12');
  });
});

describe('listingPagePath', () => {
  it.each([
    ['/', 1, '/'],
    ['/', 0, '/'],
    ['/', 2, '/page/2'],
    ['/label/China', 1, '/label/China'],
    ['/label/China', 3, '/label/China/page/3'],
    ['/2016/09', 12, '/2016/09/page/12'],
  ])('(%j, %i) → %j', (base, page, path) => {
    expect(listingPagePath(base, page)).toBe(path);
  });
});

describe('listingRedirect', () => {
  it.each([
    ['/page/1', '/', 1, '/'],
    ['/label/China/page/1', '/label/China', 1, '/label/China'],
    ['/2016/page/1', '/2016', 1, '/2016'],
    ['/2016/09/page/1', '/2016/09', 1, '/2016/09'],
  ])('moves %j, a copy of the first page, to %j', (requested, base, page, target) => {
    expect(listingRedirect(requested, base, page)).toBe(target);
  });

  it.each([
    ['/page/2', '/', 2],
    ['/label/China', '/label/China', 1],
    ['/label/China/page/2', '/label/China', 2],
    ['/2016/09', '/2016/09', 1],
    // Next may hand the label over decoded or not; either is the listing's own address.
    ['/label/G20 summit', '/label/G20%20summit', 1],
    ['/label/G20%20summit/page/2', '/label/G20%20summit', 2],
    ['/label/C++', '/label/C%2B%2B', 1],
  ])('leaves %j where it is', (requested, base, page) => {
    expect(listingRedirect(requested, base, page)).toBeUndefined();
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['https://example.com', '/', 'https://example.com/'],
    ['http://localhost:3000', '/2016/09/from-russia-with-love', 'http://localhost:3000/2016/09/from-russia-with-love'],
    ['https://example.com', '/label/G20%20summit', 'https://example.com/label/G20%20summit'],
    ['https://example.com', '/label/%E4%B8%AD%E5%9B%BD', 'https://example.com/label/%E4%B8%AD%E5%9B%BD'],
    ['https://example.com', '/feeds/posts/default', 'https://example.com/feeds/posts/default'],
  ])('(%j, %j) → %j', (base, path, url) => {
    expect(absoluteUrl(base, path)).toBe(url);
  });
});
