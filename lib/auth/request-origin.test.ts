import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { atBlogAddress } from './request-origin';

/** A request as Next hands it to a route: at the address the server listens on. */
function asListened(headers: Record<string, string>): NextRequest {
  return new NextRequest('http://0.0.0.0:3000/api/auth/providers?x=1', { headers });
}

describe('atBlogAddress', () => {
  it('puts the request at the host it names, keeping its path and query', () => {
    expect(atBlogAddress(asListened({ host: 'blog.example.org' }), {}).url).toBe('http://blog.example.org/api/auth/providers?x=1');
    expect(atBlogAddress(asListened({ host: 'localhost:3000' }), {}).url).toBe('http://localhost:3000/api/auth/providers?x=1');
  });

  it('takes a proxy’s X-Forwarded-Host (its first, when it lists several) over Host', () => {
    const forwarded = asListened({ host: '127.0.0.1:3000', 'x-forwarded-host': 'blog.example.org, inner.example' });
    expect(atBlogAddress(forwarded, {}).nextUrl.origin).toBe('http://blog.example.org');
  });

  it('leaves the request as it is when AUTH_URL pins the address, the host is not trusted, or names no host', () => {
    const request = asListened({ host: 'blog.example.org' });
    expect(atBlogAddress(request, { AUTH_URL: 'https://pinned.example' })).toBe(request);
    expect(atBlogAddress(request, { AUTH_TRUST_HOST: 'false' })).toBe(request);
    const nameless = asListened({});
    expect(atBlogAddress(nameless, {})).toBe(nameless);
    const odd = asListened({ host: 'not a host' });
    expect(atBlogAddress(odd, {})).toBe(odd);
  });
});
