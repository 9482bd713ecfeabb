import { describe, expect, it, vi } from 'vitest';
import { refusedWrite, tellOwnerMisaddressed, writeOrigin } from './write-origin';

const blog = { host: 'blog.example' };

describe('writeOrigin', () => {
  it('takes a write whose Origin is the host served as the blog’s', () => {
    expect(writeOrigin(new Headers({ ...blog, origin: 'https://blog.example' }))).toBe('blog');
    // Behind a proxy that names the public host in X-Forwarded-Host.
    expect(
      writeOrigin(new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'blog.example', origin: 'https://blog.example' })),
    ).toBe('blog');
  });

  it('takes a write with no Origin unless the browser says another site sent it', () => {
    expect(writeOrigin(new Headers(blog))).toBe('blog');
    expect(writeOrigin(new Headers({ ...blog, 'sec-fetch-site': 'same-origin' }))).toBe('blog');
    expect(writeOrigin(new Headers({ ...blog, 'sec-fetch-site': 'cross-site' }))).toBe('other-site');
  });

  it('refuses another site’s Origin, an opaque one and one that is not a URL', () => {
    expect(writeOrigin(new Headers({ ...blog, origin: 'https://attacker.example' }))).toBe('other-site');
    expect(writeOrigin(new Headers({ ...blog, origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' }))).toBe(
      'other-site',
    );
    // A sibling subdomain is the same site, not the same origin.
    expect(writeOrigin(new Headers({ ...blog, origin: 'https://x.blog.example', 'sec-fetch-site': 'same-site' }))).toBe(
      'other-site',
    );
    expect(writeOrigin(new Headers({ ...blog, origin: 'null' }))).toBe('other-site');
    expect(writeOrigin(new Headers({ ...blog, origin: 'not a url' }))).toBe('other-site');
  });

  it('tells a server given the wrong host from another site: the browser says the page was this site’s own', () => {
    const headers = new Headers({ host: '127.0.0.1:3000', origin: 'https://blog.example', 'sec-fetch-site': 'same-origin' });
    expect(writeOrigin(headers)).toBe('misaddressed');
  });
});

describe('refusedWrite', () => {
  it('answers scripts in JSON, naming the request as what is wrong', async () => {
    const response = refusedWrite('other-site', false);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'Requests from other sites are not accepted.',
      errors: { request: 'Requests from other sites are not accepted.' },
    });
  });

  it('answers a browser’s form post with a page that says the text is still in the form', async () => {
    const response = refusedWrite('misaddressed', true);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('set up with the wrong address');
    expect(page).toContain('still in the form');
    expect(page).toContain('<a href="/">');
  });
});

describe('tellOwnerMisaddressed', () => {
  it('logs the two addresses and the proxy setting once per pair', () => {
    const log = vi.fn();
    const headers = new Headers({ host: '10.0.0.5:3000', origin: 'https://once.example', 'sec-fetch-site': 'same-origin' });
    tellOwnerMisaddressed(headers, log);
    tellOwnerMisaddressed(headers, log);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/from https:\/\/once\.example .* serves 10\.0\.0\.5:3000\. .*proxy_set_header Host \$http_host;/);

    tellOwnerMisaddressed(new Headers({ host: '10.0.0.6:3000', origin: 'https://once.example' }), log);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('says when only the port was lost, as nginx’s $host loses it', () => {
    const log = vi.fn();
    tellOwnerMisaddressed(new Headers({ host: 'blog.example', origin: 'http://blog.example:8080' }), log);
    expect(log.mock.calls[0]![0]).toBe(
      'quire: refused a write sent from http://blog.example:8080 because this server was told it serves blog.example. ' +
        'Only the port differs: a reverse proxy in front must pass the Host with its port (nginx: proxy_set_header Host $http_host;).',
    );
  });
});
