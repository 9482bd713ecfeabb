// Spam without CAPTCHAs, and rate limits, as a blog owner gets them out of the box: these run on
// the fixture blog, whose server keeps the default limits and a minimum form time (the `site`
// blogs lift both, since their journeys post at machine speed from one address). Each test
// speaks from an address of its own through X-Forwarded-For (the e2e servers trust one proxy), so
// the counters of one test never reach another.
import type { APIRequestContext } from '@playwright/test';
import { newUserFields, registerUser, sendComment, signInWithApi, uniqueSuffix, uniqueText, type TestUser } from '../support/api';
import { FIXTURE_BLOG_FORM_MIN_SECONDS } from '../support/blog';
import { alertIn, postCommentForm, waitForEnhancedForm } from '../support/post-page';
import { expect, test } from '../support/journeys';

/** e2e/fixtures/content/posts/2021-06-15-evening-dispatch-from-the-summit.md (open for comments; id = slug). */
const POST = { id: 'evening-dispatch-from-the-summit', path: '/2021/06/evening-dispatch-from-the-summit' };
const MIN_FILL_MS = FIXTURE_BLOG_FORM_MIN_SECONDS * 1000;

let addressCounter = 0;
/** A documentation address (RFC 5737) no other test uses. */
function freshAddress(): string {
  addressCounter += 1;
  const n = (Date.now() + addressCounter) % 250;
  return `198.51.${100 + (addressCounter % 50)}.${n + 1}`;
}

test.describe('spam and rate limits', { tag: '@fixture-blog' }, () => {
  const address = freshAddress();
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': address } });

  /** An API client speaking from `from`, signed in as `user` when given. */
  async function client(
    playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
    baseURL: string | undefined,
    from: string,
    user?: TestUser,
  ): Promise<APIRequestContext> {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': from } });
    if (user) await signInWithApi(context, user);
    return context;
  }

  test('a script that posts the moment it has the form is refused; the text stays, and a second try goes through', async ({
    page,
    accounts,
  }) => {
    const reader = await accounts.create('quick');
    await signInWithApi(page.request, reader);
    const requested = Date.now();
    await page.goto(POST.path);
    // The stamp was made while the page rendered: after `requested`, before `loaded`.
    const loaded = Date.now();
    const form = postCommentForm(page);
    await waitForEnhancedForm(form);
    const text = uniqueText('Typed at machine speed');
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    // The form was stamped after `requested`, so this click came within the minimum time.
    expect(Date.now() - requested).toBeLessThan(MIN_FILL_MS);
    await expect(alertIn(form)).toHaveText('That was quick! Please read your comment over, then publish it again.');
    await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);

    await page.waitForTimeout(Math.max(0, loaded + MIN_FILL_MS + 200 - Date.now()));
    await form.getByRole('button', { name: 'Publish' }).click();
    // (These journeys publish without holding; the hold rules have e2e/moderation.)
    await expect(form.getByRole('status')).toHaveText('Your comment is published.');
    await expect(page.locator('#comments')).toContainText(text);
  });

  // An address of its own: the two accounts it makes would use up the others' allowance.
  test.describe(() => {
    test.use({ extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });

    test('a live update while the reader writes does not restart the form’s clock', async ({ page, accounts }) => {
      const meanwhile = await accounts.apiAs(await accounts.create('meanwhile'));
      await signInWithApi(page.request, await accounts.create('steady'));
      await page.goto(POST.path);
      const form = postCommentForm(page);
      await waitForEnhancedForm(form);
      const text = uniqueText('Written over a while');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await page.waitForTimeout(MIN_FILL_MS + 200);
      // Someone else comments: the open page shows it at its next check, drawn afresh by the server.
      const theirs = uniqueText('Meanwhile, further up the thread');
      expect((await sendComment(meanwhile, { body: theirs }, POST.id)).status()).toBe(201);
      await expect(page.locator('#comments')).toContainText(theirs);
      await form.getByRole('button', { name: 'Publish' }).click();
      await expect(form.getByRole('status')).toHaveText('Your comment is published.');
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    // An address of its own: the accounts it makes do not count against the others' limits.
    test.describe(() => {
      test.use({ extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });

      test('a form sent within the minimum time is refused with its text kept; sent again later, it lands', async ({
        page,
        accounts,
      }) => {
        await signInWithApi(page.request, await accounts.create('quick-nojs'));
        const requested = Date.now();
        await page.goto(POST.path);
        const text = uniqueText('Sent at once without scripts');
        await postCommentForm(page).getByRole('textbox', { name: 'Your comment' }).fill(text);
        await postCommentForm(page).getByRole('button', { name: 'Publish' }).click();
        expect(Date.now() - requested).toBeLessThan(MIN_FILL_MS);
        // A full page comes back: the reason, and the text in the box, under a newly stamped form.
        const form = postCommentForm(page);
        await expect(alertIn(form)).toHaveText('That was quick! Please read your comment over, then publish it again.');
        await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);

        await page.waitForTimeout(MIN_FILL_MS + 200);
        await form.getByRole('button', { name: 'Publish' }).click();
        await expect(page).toHaveURL((url) => url.pathname === POST.path && /^#c\d+$/.test(url.hash));
        await expect(page.locator('#comments')).toContainText(text);
      });
    });

    test('the honeypot is out of reach for people; a form that fills it is kept as spam and shown to nobody', async ({
      page,
      accounts,
      db,
      browser,
    }) => {
      const reader = await accounts.create('honeypot');
      await signInWithApi(page.request, reader);
      await page.goto(POST.path);
      const form = postCommentForm(page);
      // Not a field anyone can reach by label, role or keyboard.
      await expect(form.getByRole('textbox')).toHaveCount(1);
      await expect(form.locator('input[name="subject"]')).toHaveAttribute('tabindex', '-1');

      const text = uniqueText('Cheap watches');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await form.locator('input[name="subject"]').fill('Great offer', { force: true });
      await page.waitForTimeout(MIN_FILL_MS + 200);
      await form.getByRole('button', { name: 'Publish' }).click();

      // The script hears what a held comment's author hears, and learns nothing.
      await expect(page).toHaveURL((url) => url.pathname === POST.path && url.searchParams.has('held'));
      await expect(page.locator('#comments').getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
      const row = await db.comment.findFirst({ where: { body: text }, select: { status: true, heldReason: true } });
      expect(row).toEqual({ status: 'spam', heldReason: 'honeypot' });
      const visitor = await browser.newPage({ javaScriptEnabled: false });
      await visitor.goto(POST.path);
      await expect(visitor.locator('#comments')).not.toContainText(text);
      await visitor.close();
    });
  });

  test('the same comment twice is refused by name, by the API and in the form', async ({ page, accounts }) => {
    const reader = await accounts.create('twice');
    const api = await accounts.apiAs(reader);
    const text = uniqueText('I said this already');
    expect([201, 202]).toContain((await sendComment(api, { body: text }, POST.id)).status());
    const again = await sendComment(api, { body: text }, POST.id);
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ errors: { body: 'You have already posted this comment.' } });

    await signInWithApi(page.request, reader);
    await page.goto(POST.path);
    const form = postCommentForm(page);
    await waitForEnhancedForm(form);
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(form.getByText('You have already posted this comment.')).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
  });

  test('a sixth comment within a minute gets 429 with Retry-After, and the form says how long to wait', async ({
    page,
    accounts,
  }) => {
    const reader = await accounts.create('busy');
    const api = await accounts.apiAs(reader);
    for (let i = 1; i <= 5; i += 1) {
      const response = await sendComment(api, { body: uniqueText(`Comment ${i} of a busy minute`) }, POST.id);
      expect([201, 202], await response.text()).toContain(response.status());
    }
    const sixth = await sendComment(api, { body: uniqueText('One too many') }, POST.id);
    expect(sixth.status()).toBe(429);
    const retryAfter = Number(sixth.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await sixth.json()) as { error: string }).error).toMatch(
      /^You are commenting faster than this blog allows\. Please wait \d+ seconds? and try again\.$/,
    );

    await signInWithApi(page.request, reader);
    await page.goto(POST.path);
    const form = postCommentForm(page);
    await waitForEnhancedForm(form);
    await page.waitForTimeout(MIN_FILL_MS + 200);
    const text = uniqueText('Still have something to say');
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(alertIn(form)).toHaveText(/^You are commenting faster than this blog allows\. Please wait \d+ seconds? and try again\.$/);
    await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
  });

  test('one address commenting through many accounts is slowed down after 20 comments in 10 minutes', async ({
    playwright,
    baseURL,
  }) => {
    const from = freshAddress();
    // Six readers, each registered from somewhere else, all commenting from the same network,
    // four comments each: under the per-account limit, over the per-address one.
    const readers = await Promise.all(
      Array.from({ length: 6 }, async () => registerUser(await client(playwright, baseURL, freshAddress()), 'network')),
    );
    const clients = await Promise.all(readers.map((reader) => client(playwright, baseURL, from, reader)));
    for (let i = 0; i < 20; i += 1) {
      const response = await sendComment(clients[i % 5]!, { body: uniqueText(`From one network, ${i + 1}`) }, POST.id);
      expect([201, 202], await response.text()).toContain(response.status());
    }
    const refused = await sendComment(clients[5]!, { body: uniqueText('One more from that network') }, POST.id);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(60);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^Many comments came from your network just now\. Please wait \d+ minutes? and try again\.$/,
    );
    // The same reader from another network is not affected.
    const elsewhere = await client(playwright, baseURL, freshAddress(), readers[5]);
    expect([201, 202]).toContain((await sendComment(elsewhere, { body: uniqueText('From home instead') }, POST.id)).status());
    await Promise.all([...clients, elsewhere].map((context) => context.dispose()));
  });

  test('an address that keeps making accounts is slowed down, by the API and in the register form', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const from = freshAddress();
    const api = await client(playwright, baseURL, from);
    for (let i = 0; i < 5; i += 1) await registerUser(api, 'many');
    const refused = await api.post('/api/users', { data: newUserFields('many') });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(60 * 59);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'Many accounts were created from your network just now. Please wait 1 hour and try again.',
    );
    // Another address is not affected.
    await registerUser(await client(playwright, baseURL, freshAddress()), 'elsewhere');
    await api.dispose();

    await page.setExtraHTTPHeaders({ 'x-forwarded-for': from });
    await page.goto('/register');
    const fields = newUserFields('form');
    await page.getByLabel('Email').fill(fields.email);
    await page.getByLabel('Display name').fill(fields.name);
    await page.getByLabel('Password').fill(fields.password);
    await page.getByRole('button', { name: /create account|register/i }).click();
    await expect(page.getByText('Many accounts were created from your network just now.', { exact: false })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(fields.email);
    await expect(page.getByLabel('Display name')).toHaveValue(fields.name);
  });

  test('password guessing on one account stops after ten failed tries, by the API and in the sign-in form; its owner signing in often does not', async ({
    page,
    accounts,
    playwright,
    baseURL,
  }) => {
    const reader = await accounts.create('guessed');
    // Only failed attempts count against an account: its owner signing in more than ten times is never stopped.
    for (let i = 0; i < 11; i += 1) {
      const api = await client(playwright, baseURL, freshAddress());
      await signInWithApi(api, reader);
      await api.dispose();
    }
    // From several addresses, so it is the per-account limit that stops them.
    for (let i = 0; i < 10; i += 1) {
      const api = await client(playwright, baseURL, freshAddress());
      const csrf = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const attempt = await api.post('/api/auth/callback/credentials', {
        form: { email: reader.email, password: `wrong-${i}-${uniqueSuffix()}`, csrfToken: csrf.csrfToken, callbackUrl: '/' },
        maxRedirects: 0,
      });
      expect(attempt.status(), 'a wrong password is refused, not limited, up to ten times').not.toBe(429);
      await api.dispose();
    }
    const api = await client(playwright, baseURL, freshAddress());
    const csrf = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const limited = await api.post('/api/auth/callback/credentials', {
      form: { email: reader.email, password: reader.password, csrfToken: csrf.csrfToken, callbackUrl: '/' },
      maxRedirects: 0,
    });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(60);
    // Auth.js also takes JSON, and of a repeated form field the last: the email counted is the one it checks.
    const asJson = await api.post('/api/auth/callback/credentials', {
      data: { email: reader.email.toUpperCase(), password: reader.password, csrfToken: csrf.csrfToken, callbackUrl: '/' },
      maxRedirects: 0,
    });
    expect(asJson.status(), 'a JSON body names the same account').toBe(429);
    const repeated = new URLSearchParams([
      ['email', `decoy-${uniqueSuffix()}@example.com`],
      ['email', reader.email],
      ['password', reader.password],
      ['csrfToken', csrf.csrfToken],
    ]);
    const behindDecoy = await api.post('/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: repeated.toString(),
      maxRedirects: 0,
    });
    expect(behindDecoy.status(), 'an email behind a decoy is still counted').toBe(429);
    await api.dispose();

    await page.goto('/signin');
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/^There were too many sign-in attempts for this account\. Please wait \d+ minutes and try again\.$/)).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(reader.email);
  });
});
