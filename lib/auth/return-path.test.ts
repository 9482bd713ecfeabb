import { describe, expect, it } from 'vitest';
import { cameFrom, keptReturnPath, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this blog, with its query and comment anchor', () => {
    expect(safeReturnPath('/2016/09/from-russia-with-love')).toBe('/2016/09/from-russia-with-love');
    expect(safeReturnPath('/2016/09/from-russia-with-love?comments=2#c42')).toBe(
      '/2016/09/from-russia-with-love?comments=2#c42',
    );
    expect(safeReturnPath('/admin?status=pending')).toBe('/admin?status=pending');
  });

  it('sends anything that would leave the blog home', () => {
    for (const away of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/.//evil.example',
      '/..//evil.example',
      '/%2e//evil.example',
      '/a/..//evil.example',
      'javascript:alert(1)',
      ' /2016',
    ]) {
      expect(safeReturnPath(away), JSON.stringify(away)).toBe('/');
    }
  });

  it('keeps encoded characters encoded, so they stay part of the path', () => {
    // "%2F%2F" is not "//": the browser asks this blog for that path.
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeReturnPath('/%09/evil.example')).toBe('/%09/evil.example');
  });

  it('sends home what is not a path at all, or is absurdly long', () => {
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(42)).toBe('/');
    expect(safeReturnPath('')).toBe('/');
    expect(safeReturnPath(`/${'a'.repeat(2000)}`)).toBe('/');
  });

  it('falls back to the place a form names instead of home', () => {
    expect(safeReturnPath('/2016/09/post?comments=3', '/2016/09/post')).toBe('/2016/09/post?comments=3');
    for (const away of [undefined, '', 'https://evil.example/', '//evil.example', '/\\evil.example']) {
      expect(safeReturnPath(away, '/2016/09/post'), JSON.stringify(away)).toBe('/2016/09/post');
    }
  });
});

describe('cameFrom', () => {
  it('is the page of this blog the reader came from, with its query', () => {
    expect(cameFrom('https://blog.example/2016/09/from-russia-with-love?comments=2', 'blog.example')).toBe('/2016/09/from-russia-with-love?comments=2');
    expect(cameFrom('http://127.0.0.1:3000/label/China', '127.0.0.1:3000')).toBe('/label/China');
  });

  it('is nothing for another site, the account pages, or no referrer at all', () => {
    expect(cameFrom('https://elsewhere.example/2016/09/x', 'blog.example')).toBeNull();
    expect(cameFrom('https://blog.example/signin?returnTo=%2F', 'blog.example')).toBeNull();
    expect(cameFrom('https://blog.example/register', 'blog.example')).toBeNull();
    expect(cameFrom('not a url', 'blog.example')).toBeNull();
    expect(cameFrom(null, 'blog.example')).toBeNull();
    expect(cameFrom('https://blog.example/x', null)).toBeNull();
  });
});

describe('keptReturnPath', () => {
  it('is the path of the page Auth.js kept, whatever host it wrote', () => {
    expect(keptReturnPath('http://localhost:3000/2016/09/from-russia-with-love?comments=2')).toBe('/2016/09/from-russia-with-love?comments=2');
    expect(keptReturnPath('https://blog.example/label/China')).toBe('/label/China');
    // What Auth.js keeps before any sign-in names a page: the blog itself.
    expect(keptReturnPath('https://blog.example')).toBe('/');
  });

  it('is nothing for the account pages, or no address', () => {
    expect(keptReturnPath('https://blog.example/signin?error=x')).toBeNull();
    expect(keptReturnPath('https://blog.example/register')).toBeNull();
    expect(keptReturnPath(undefined)).toBeNull();
    expect(keptReturnPath('not an address')).toBeNull();
  });
});
