// The server keeps anonymous readers' pages in memory and drops them exactly when comments change.
import { expect } from '@playwright/test';
import { postComment, postComments, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { test } from '../support/quire';

test.describe('page cache for anonymous readers', () => {
  test('a second anonymous request is served from memory, with validators and cache headers', async ({ request }) => {
    // A page rendered while comments or settings change (the previous test restoring its settings)
    // is not kept, so ask until one is: the second request after a quiet render is a hit.
    await expect
      .poll(async () => {
        await request.get(SEED_POST.path);
        return (await request.get(SEED_POST.path)).headers()['x-quire-cache'];
      })
      .toBe('hit');
    const response = await request.get(SEED_POST.path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['x-quire-cache']).toBe('hit');
    expect(headers['cache-control']).toContain('s-maxage=');
    expect(headers['cache-control']).toContain('stale-while-revalidate=');
    expect(headers['content-security-policy']).toContain("default-src 'self'");

    // Revalidating a kept page costs no body; each encoding is its own representation with its own
    // strong validator (no form stamp on this page: anonymous readers may not comment). A change
    // elsewhere in the blog may drop the page between two requests, as it should, so ask again
    // until the requests land on the same kept page.
    const plain = { 'Accept-Encoding': 'identity' };
    const gzip = { 'Accept-Encoding': 'gzip' };
    await expect
      .poll(async () => {
        const kept = await request.get(SEED_POST.path, { headers: plain });
        const keptGzip = await request.get(SEED_POST.path, { headers: gzip });
        if (kept.headers()['x-quire-cache'] !== 'hit' || keptGzip.headers()['x-quire-cache'] !== 'hit') return 'not kept yet';
        const etag = kept.headers().etag ?? '';
        const gzipEtag = keptGzip.headers().etag ?? '';
        const ask = async (headers: Record<string, string>, ifNoneMatch: string) =>
          (await request.get(SEED_POST.path, { headers: { ...headers, 'If-None-Match': ifNoneMatch } })).status();
        return {
          etags: [/^"q[\w-]+"$/.test(etag), /^"q[\w-]+-gz"$/.test(gzipEtag), etag !== gzipEtag],
          plain: await ask(plain, etag),
          gzip: await ask(gzip, gzipEtag),
          // The other encoding's tag, or a tag the page never had, gets the whole page.
          crossed: await ask(plain, gzipEtag),
          unknown: await ask(gzip, '"q-not-this-page"'),
          listed: await ask(gzip, `"q-not-this-page", W/${gzipEtag}`),
        };
      })
      .toEqual({ etags: [true, true, true], plain: 304, gzip: 304, crossed: 200, unknown: 200, listed: 304 });
  });

  test('a new comment drops the cached page, so the very next anonymous reader sees it', async ({ request, accounts, commentSettings }) => {
    await commentSettings.set({ holdFor: 'nobody' });
    await request.get(SEED_POST.path);
    expect((await request.get(SEED_POST.path)).headers()['x-quire-cache']).toBe('hit');

    const author = await accounts.apiAs(await accounts.create('cache'));
    // Several rounds, each a comment then at once a read: the page kept before must never answer.
    for (let round = 1; round <= 5; round += 1) {
      const text = uniqueText(`Cached pages follow comments, round ${round}`);
      await postComment(author, text);
      const next = await request.get(SEED_POST.path);
      expect(await next.text(), `round ${round}`).toContain(text);
      // …and the page is kept again once the new epoch has been read.
      await expect
        .poll(async () => (await request.get(SEED_POST.path)).headers()['x-quire-cache'], { message: `round ${round}` })
        .toBe('hit');
    }
  });

  test('signed-in readers always get a fresh page, never a shared one, their 404 page included', async ({ page, accounts }) => {
    const reader = await accounts.create('fresh');
    await page.goto(SEED_POST.path);
    // An anonymous 404 first, so the shared 404 page is there to be (wrongly) handed out.
    expect((await page.goto('/no/such/page-e2e'))?.status()).toBe(404);
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Sign in');
    const { signInWithApi } = await import('../support/api');
    await signInWithApi(page.request, reader);
    const response = await page.goto(SEED_POST.path);
    expect(response?.headers()['x-quire-cache']).toBeUndefined();
    await expect(page.getByText(`Signed in as ${reader.name}`)).toBeVisible();

    expect((await page.goto('/no/such/page-e2e'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/does not exist|not found/i);
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
  });

  test('a cached page with a guest comment form gives each reader a form stamped at their own request', async ({
    request,
    commentSettings,
  }) => {
    await commentSettings.set({ whoMayComment: 'anyone' });
    const stampsOf = (html: string) => [...html.matchAll(/name="formStamp" value="(qs1\.([0-9a-z]+)\.[\w-]{27})"/g)];
    await expect
      .poll(async () => stampsOf(await (await request.get(SEED_POST.path)).text()).length, { timeout: 5_000 })
      .toBeGreaterThan(0);

    const first = await request.get(SEED_POST.path, { headers: { 'Accept-Encoding': 'gzip' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = Date.now();
    const second = await request.get(SEED_POST.path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(first.headers()['x-quire-cache']).toBe('hit');
    expect(second.headers()['x-quire-cache']).toBe('hit');
    // Same page, same validator, a weak one: only the stamp differs, and it is this request's time.
    expect(second.headers().etag).toMatch(/^W\/"q[\w-]+-gz"$/);
    expect(second.headers().etag).toBe(first.headers().etag);
    const revalidated = await request.get(SEED_POST.path, {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': second.headers().etag ?? '' },
    });
    expect(revalidated.status()).toBe(304);
    const [firstStamp] = stampsOf(await first.text());
    const [secondStamp] = stampsOf(await second.text());
    expect(secondStamp?.[1]).not.toBe(firstStamp?.[1]);
    expect(Math.abs(parseInt(secondStamp?.[2] ?? '0', 36) - before)).toBeLessThan(2_000);
  });

  test('where visitors may not comment, the kept page holds no form stamp, so a hit sends the stored bytes as they are', async ({
    request,
    commentSettings,
  }) => {
    await commentSettings.set({ whoMayComment: 'users' });
    await expect
      .poll(async () => {
        await request.get(SEED_POST.path);
        return (await request.get(SEED_POST.path)).headers()['x-quire-cache'];
      })
      .toBe('hit');
    // A stamp anywhere in the page (the form, or React's payload) would be replaced on every hit.
    expect(await (await request.get(SEED_POST.path)).text()).not.toMatch(/qs1\.[0-9a-z]{1,12}\.[\w-]{27}/);
  });

  test('a HEAD request is answered but never kept, so the next reader still gets the whole page', async ({
    request,
    accounts,
    commentSettings,
  }) => {
    // Five conversations a page, six of them: page 2 exists, and the settings change and the
    // comments dropped every kept page, so it is not kept yet.
    await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
    const api = await accounts.apiAs(await accounts.create('header'));
    await postComments(api, 6, 'Conversation');
    const path = `${SEED_POST.path}?comments=2`;
    const head = await request.head(path);
    expect(head.status()).toBe(200);
    expect(await head.text()).toBe('');
    const get = await request.get(path);
    expect(await get.text()).toContain('From Russia with love');
  });

  test('a refused request changes nothing, so it leaves the kept pages alone', async ({ request, accounts }) => {
    const api = await accounts.apiAs(await accounts.create('refused'));
    // Kept, refused, still kept. (Asked again if something else in the blog moved meanwhile: before
    // this was fixed, no round could pass.)
    await expect
      .poll(async () => {
        if ((await request.get(SEED_POST.path)).headers()['x-quire-cache'] !== 'hit') return 'not kept yet';
        const refused = await api.post(`/api/posts/${SEED_POST.id}/comments`, { data: { body: '' } });
        expect(refused.status()).toBe(400);
        return (await request.get(SEED_POST.path)).headers()['x-quire-cache'];
      })
      .toBe('hit');
  });

  test('only bare addresses and comment pages are kept: other queries go to Next, so they cannot crowd out real pages', async ({
    request,
  }) => {
    const other = `${SEED_POST.path}?utm_source=${uniqueText('campaign').replace(/\W+/g, '-')}`;
    for (let i = 0; i < 2; i += 1) {
      const response = await request.get(other);
      expect(response.status()).toBe(200);
      expect(response.headers()['x-quire-cache'], 'a query the page ignores is never kept').toBeUndefined();
    }
    // A crawler walking comment pages where there are none (the home page ignores the query).
    const crawl = Date.now() % 1_000_000;
    for (let n = crawl; n < crawl + 20; n += 1) {
      const response = await request.get(`/?comments=${n}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['x-quire-cache'], `/?comments=${n} is never kept`).toBeUndefined();
    }
    // Past a post's last comments page, the address goes to the page shown: a crawler counting
    // upwards finds as many addresses as the thread has pages.
    const past = await request.get(`${SEED_POST.path}?comments=${crawl + 100}`, { maxRedirects: 0 });
    expect(past.status()).toBe(307);
    expect(past.headers()['location']).toMatch(new RegExp(`^${SEED_POST.path}(\\?comments=\\d+)?$`));
    await expect
      .poll(async () => {
        await request.get(`${SEED_POST.path}?comments=1`);
        return (await request.get(`${SEED_POST.path}?comments=1`)).headers()['x-quire-cache'];
      })
      .toBe('hit');
  });

  test('a comment quoting the cache’s own marks neither stalls the page nor stops it being kept', async ({
    request,
    accounts,
    commentSettings,
  }) => {
    await commentSettings.set({ holdFor: 'nobody' });
    const author = await accounts.apiAs(await accounts.create('quoter'));
    // Words the server looks for in a page's tags; in a comment they are only text.
    const text = uniqueText('Markup talk: data-quire-posts="%" and data-quire-partial, quoted');
    await postComment(author, text);
    await expect
      .poll(
        async () => {
          const first = await request.get(SEED_POST.path, { timeout: 10_000 });
          expect(await first.text()).toContain('data-quire-partial, quoted');
          return (await request.get(SEED_POST.path, { timeout: 10_000 })).headers()['x-quire-cache'];
        },
        { timeout: 30_000 },
      )
      .toBe('hit');
  });
});
