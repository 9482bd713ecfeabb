// Malformed requests get a 4xx that names the problem, never a 500 or a stack trace; session
// cookies are out of reach of scripts and other sites.
import { connect } from 'node:net';
import type { APIResponse } from '@playwright/test';
import { commentsUrl, newUserFields, signInWithApi, uniqueText } from '../support/api';
import { openPost, postCommentForm } from '../support/post-page';
import { expect, test } from '../support/journeys';

/** A refusal as the README describes it: the status, `error`, and `errors` naming `field`. */
async function expectRefusal(response: APIResponse, status: number, field: string, words: RegExp): Promise<void> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|Error: /); // no stack trace, no internals
  const json = JSON.parse(text) as { error: string; errors: Record<string, string> };
  expect(Object.keys(json.errors), text).toContain(field);
  expect(json.errors[field]).toMatch(words);
  expect(json.error).toBeTruthy();
}

test.describe('malformed comment requests', () => {
  test('bad JSON, wrong content type, invalid UTF-8 and huge bodies are refused by what is wrong', async ({ accounts }) => {
    const api = await accounts.apiAs(await accounts.create('malformed'));
    // Raw bytes, so nothing on the way turns them into valid JSON.
    const send = (data: string | Buffer, contentType = 'application/json') =>
      api.post(commentsUrl(), { data: Buffer.isBuffer(data) ? data : Buffer.from(data), headers: { 'content-type': contentType } });

    await expectRefusal(await send('{"body": "unfinished'), 400, 'request', /not valid JSON/);
    await expectRefusal(await send('body=hello', 'application/x-www-form-urlencoded'), 415, 'request', /JSON/);
    await expectRefusal(await send(Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'request', /UTF-8/);
    await expectRefusal(await send(JSON.stringify({ body: 'x'.repeat(1024 * 1024) })), 413, 'request', /larger than 64 KB/);
  });

  test('wrong types, NUL bytes, over-long values and unknown fields are refused naming the field', async ({
    accounts,
    commentSettings,
  }) => {
    const api = await accounts.apiAs(await accounts.create('fields'));
    const send = (data: unknown) => api.post(commentsUrl(), { data });

    await expectRefusal(await send({ body: 42 }), 400, 'body', /./);
    await expectRefusal(await send({ body: ['a', 'list'] }), 400, 'body', /./);
    await expectRefusal(await send({ body: 'before\u0000after' }), 400, 'body', /control character/i);
    await expectRefusal(await send({ body: 'x'.repeat(10_001) }), 400, 'body', /10,?000/);
    await expectRefusal(await send({ body: 'fine', parentId: 'the first one' }), 400, 'parentId', /./);
    await expectRefusal(await send({ body: 'fine', colour: 'red' }), 400, 'colour', /./);
    for (const notAnObject of ['null', '"just words"', '[1, 2]']) {
      const response = await api.post(commentsUrl(), { data: Buffer.from(notAnObject), headers: { 'content-type': 'application/json' } });
      await expectRefusal(response, 400, 'request', /JSON object/);
    }

    // A guest's name and website, once guests may comment.
    await commentSettings.set({ whoMayComment: 'anyone' });
    const guest = await accounts.anonymousApi();
    await expectRefusal(await guest.post(commentsUrl(), { data: { body: 'hi', name: 'n'.repeat(81) } }), 400, 'name', /80/);
    await expectRefusal(
      await guest.post(commentsUrl(), { data: { body: 'hi', name: 'Ann', website: 'javascript:alert(1)' } }),
      400,
      'website',
      /./,
    );
  });

  test('an edit (PATCH) with bad JSON, unknown fields, NUL bytes or too much text is refused by name', async ({ accounts }) => {
    const api = await accounts.apiAs(await accounts.create('patcher'));
    const created = (await (await api.post(commentsUrl(), { data: { body: uniqueText('To be edited badly') } })).json()) as {
      comment: { id: number };
    };
    const url = `/api/comments/${created.comment.id}`;
    const patch = (data: string | Buffer | object) =>
      typeof data === 'object' && !Buffer.isBuffer(data)
        ? api.patch(url, { data })
        : api.patch(url, { data: Buffer.isBuffer(data) ? data : Buffer.from(data), headers: { 'content-type': 'application/json' } });

    await expectRefusal(await patch('{"body": '), 400, 'request', /not valid JSON/);
    await expectRefusal(await patch(Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), 400, 'request', /UTF-8/);
    await expectRefusal(await patch({ body: 'fine', status: 'published' }), 400, 'status', /Unknown field/);
    await expectRefusal(await patch({ body: 'before\u0000after' }), 400, 'body', /control character/i);
    await expectRefusal(await patch({ body: 'x'.repeat(10_001) }), 400, 'body', /10,000|10000/);
    await expectRefusal(await patch(JSON.stringify({ body: 'x'.repeat(1024 * 1024) })), 413, 'request', /larger than 64 KB/);
  });

  test('registration refuses bad fields by name and never answers 500', async ({ request }) => {
    const fields = newUserFields('bad');
    await expectRefusal(await request.post('/api/users', { data: { ...fields, email: 'not-an-email' } }), 400, 'email', /./);
    await expectRefusal(await request.post('/api/users', { data: { ...fields, password: 'short' } }), 400, 'password', /8/);
    await expectRefusal(await request.post('/api/users', { data: { ...fields, name: 'a\u0000b' } }), 400, 'name', /./);
    await expectRefusal(await request.post('/api/users', { data: { ...fields, name: 7 } }), 400, 'name', /./);
    await expectRefusal(
      await request.post('/api/users', { data: Buffer.from('{"email":'), headers: { 'content-type': 'application/json' } }),
      400,
      'request',
      /not valid JSON/,
    );
  });
});

test.describe('session cookies', () => {
  function sessionCookie(setCookie: string | undefined): string {
    const cookie = (setCookie ?? '').split('\n').find((line) => /authjs\.session-token=/.test(line));
    expect(cookie, `Set-Cookie: ${setCookie}`).toBeTruthy();
    return cookie ?? '';
  }

  async function signInResponse(request: import('@playwright/test').APIRequestContext, headers: Record<string, string>) {
    const reader = await (async () => {
      const fields = newUserFields('cookie');
      const created = await request.post('/api/users', { data: fields });
      expect(created.status()).toBe(201);
      return fields;
    })();
    const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
    return request.post('/api/auth/callback/credentials', {
      form: { email: reader.email, password: reader.password, csrfToken, callbackUrl: '/' },
      headers,
      maxRedirects: 0,
    });
  }

  test('are HttpOnly and SameSite=Lax', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const cookie = sessionCookie((await signInResponse(request, {})).headers()['set-cookie']);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    await request.dispose();
  });

  test('Auth.js answers at the address the reader asked for, not the one the server listens on', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const providers = async (headers: Record<string, string>) =>
      ((await (await request.get('/api/auth/providers', { headers })).json()) as { credentials: { callbackUrl: string } })
        .credentials.callbackUrl;
    // Next writes a loopback host as "localhost".
    const { port } = new URL(baseURL!);
    expect(await providers({})).toMatch(new RegExp(`^http://(127\\.0\\.0\\.1|localhost):${port}/api/auth/callback/credentials$`));
    expect(await providers({ host: `blog.example.org:${port}` })).toBe(`http://blog.example.org:${port}/api/auth/callback/credentials`);
    // Behind a proxy: its X-Forwarded-Host and X-Forwarded-Proto.
    const proxied = { 'x-forwarded-host': 'blog.example.org', 'x-forwarded-proto': 'https' };
    expect(await providers(proxied)).toBe('https://blog.example.org/api/auth/callback/credentials');
    // A sign-in through the API is sent back to the blog, not to the server's own listening address.
    const signedIn = await signInResponse(request, proxied);
    expect(signedIn.status()).toBe(302);
    expect(signedIn.headers()['location']).toBe('https://blog.example.org/');
    await request.dispose();
  });

  test('are Secure, with the __Secure- prefix, behind a proxy that speaks HTTPS', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const headers = { 'x-forwarded-proto': 'https' };
    const cookie = sessionCookie((await signInResponse(request, headers)).headers()['set-cookie']);
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    await request.dispose();
  });

  test('a signed-in page request keeps working with them', async ({ page, accounts }) => {
    const reader = await accounts.create('cookie-page');
    await signInWithApi(page.request, reader);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith('authjs.session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The browser sends the HttpOnly, SameSite=Lax cookie with a page load, and the page knows the reader.
    await openPost(page);
    await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${reader.name}`).first()).toBeVisible();
  });

  test('a copy taken before signing out signs no one in; the reader’s other browser stays signed in', async ({
    page,
    browser,
    baseURL,
    accounts,
  }) => {
    const reader = await accounts.create('copied-cookie');
    await signInWithApi(page.request, reader);
    const copy = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('authjs.session-token'));
    expect(copy, 'the session cookie').toBeTruthy();
    const otherBrowser = await browser.newContext({ baseURL });
    await signInWithApi(otherBrowser.request, reader);

    await openPost(page);
    await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

    const thief = await browser.newContext({ baseURL });
    await thief.addCookies([copy!]);
    const stolen = await thief.newPage();
    await openPost(stolen);
    await expect(stolen.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(stolen.getByText(`Signed in as ${reader.name}`)).toHaveCount(0);
    const attempt = await thief.request.post(commentsUrl(), { data: { body: uniqueText('Posted with a stolen cookie') } });
    expect(attempt.status(), await attempt.text()).toBe(401);
    // Nor does Auth.js's own session endpoint renew it.
    expect(await (await thief.request.get('/api/auth/session')).json()).toBeNull();

    const other = await otherBrowser.newPage();
    await openPost(other);
    await expect(other.getByText(`Signed in as ${reader.name}`).first()).toBeVisible();
    await thief.close();
    await otherBrowser.close();
  });
});

test.describe('connections', () => {
  // Clients and proxies keep idle connections open and reuse them; if the server closed one first,
  // a request sent on it at that moment would be reset. So the server outwaits them.
  test('an idle keep-alive connection is still served after 6 s', async ({ baseURL }) => {
    const { port, hostname } = new URL(baseURL ?? '');
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const answers = () => received.match(/^HTTP\/1\.1 \d+/gm)?.length ?? 0;
    const ask = () => socket.write(`GET /robots.txt HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      ask();
      await expect.poll(answers).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(socket.readyState, 'the server closed the idle connection').toBe('open');
      ask();
      await expect.poll(answers).toBe(2);
    } finally {
      socket.destroy();
    }
  });
});
