// Every page carries the security headers, and writes from another site are refused.
import { SEED_POST } from '../support/blog';
import { expect, test, type ReaderPost } from '../support/reader-post';

// Reading pages, account pages, the admin console (which sends a signed-out visitor to sign in),
// feeds and the API: every kind of answer the blog gives.
const pages: { name: string; path: (post: ReaderPost) => string }[] = [
  { name: '/', path: () => '/' },
  { name: 'a post', path: (post) => post.path },
  { name: 'a label', path: (post) => `/label/${encodeURIComponent(post.labels[0] ?? 'no-such-label')}` },
  { name: 'a year', path: (post) => post.yearPath },
  { name: 'a month', path: (post) => post.monthPath },
  { name: '/signin', path: () => '/signin' },
  { name: '/register', path: () => '/register' },
  { name: '/admin', path: () => '/admin' },
  { name: '/feeds/posts/default', path: () => '/feeds/posts/default' },
  { name: '/sitemap.xml', path: () => '/sitemap.xml' },
  { name: "a post's comments API", path: (post) => `/api/posts/${encodeURIComponent(post.id)}/comments` },
  { name: '/no-such-page', path: () => '/no-such-page' },
];

test.describe('security headers @read-only', () => {
  for (const { name, path } of pages) {
    test(`${name} sends CSP, frame, sniffing, referrer and permissions policies`, async ({ request, readerPost }) => {
      const response = await request.get(path(readerPost));
      const headers = response.headers();
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("object-src 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }

  test('no page loads anything from another origin', async ({ page, baseURL, readerPost }) => {
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    for (const path of ['/', readerPost.path, readerPost.monthPath, '/signin', '/register', '/no-such-page']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
  });
});

test.describe('cross-site writes', () => {
  test('a comment POST from another origin is refused with 403 before it is read', async ({ request }) => {
    const response = await request.post(`/api/posts/${SEED_POST.id}/comments`, {
      data: { body: 'sent from elsewhere' },
      headers: { Origin: 'https://attacker.example' },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toContain('other sites');
  });

  test('a form post (server action) from another origin is refused with 403', async ({ request }) => {
    const response = await request.post(SEED_POST.path, {
      form: { body: 'cross-site form' },
      headers: { Origin: 'https://attacker.example', 'Next-Action': 'x' },
    });
    expect(response.status()).toBe(403);
  });

  test('a browser’s form post from another origin gets a page saying why, not JSON', async ({ request }) => {
    const response = await request.post(SEED_POST.path, {
      form: { body: 'cross-site form' },
      headers: { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site', Accept: 'text/html,*/*;q=0.8' },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toMatch(/^text\/html\b/);
    expect(await response.text()).toContain('Requests from other sites are not accepted.');
  });

  test('behind a proxy that passes the wrong Host, a form from the blog’s own page is refused with a reason, not as another site’s', async ({
    request,
    baseURL,
  }) => {
    // The browser says the page was the blog's own; the server is told it serves another host.
    const headers = {
      Origin: new URL(baseURL ?? '').origin,
      'Sec-Fetch-Site': 'same-origin',
      'X-Forwarded-Host': 'wrong-host.internal:8080',
    };
    const page = await request.post(SEED_POST.path, {
      form: { body: 'typed behind a misconfigured proxy' },
      headers: { ...headers, Accept: 'text/html,*/*;q=0.8' },
    });
    expect(page.status()).toBe(403);
    expect(page.headers()['content-type']).toMatch(/^text\/html\b/);
    const text = await page.text();
    expect(text).toContain('set up with the wrong address');
    expect(text).toContain('still in the form');

    const api = await request.post(`/api/posts/${SEED_POST.id}/comments`, { data: { body: 'from a script' }, headers });
    expect(api.status()).toBe(403);
    expect((await api.json()).errors.request).toContain('wrong address');
  });

  test('an admin API call from another origin is refused with 403', async ({ request }) => {
    const response = await request.post('/api/admin/comments/1/approve', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status()).toBe(403);
  });

  test('the same origin gets through to the handler (401 when signed out)', async ({ request, baseURL }) => {
    const response = await request.post(`/api/posts/${SEED_POST.id}/comments`, {
      data: { body: 'from the blog itself' },
      headers: { Origin: new URL(baseURL ?? '').origin },
    });
    expect(response.status()).toBe(401);
  });
});
