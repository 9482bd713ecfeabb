import { describe, expect, it } from 'vitest';
import { lastFragmentOnly } from './fragment';

describe('lastFragmentOnly', () => {
  it('keeps the last of several fragments, and the path and query before them', () => {
    expect(lastFragmentOnly('/2016/09/post?comments=25#c140#c148')).toBe('/2016/09/post?comments=25#c148');
    expect(lastFragmentOnly('/post#comments#c2')).toBe('/post#c2');
    expect(lastFragmentOnly('https://blog.example/post?edit=1#c1#c1#c9')).toBe('https://blog.example/post?edit=1#c9');
    expect(lastFragmentOnly('/post#a#')).toBe('/post#');
  });

  it('leaves an address with one fragment or none as it is', () => {
    for (const address of ['/post', '/post?x=1', '/post#c2', '/post?x=1#c2', '#c2', '']) expect(lastFragmentOnly(address)).toBe(address);
  });
});
