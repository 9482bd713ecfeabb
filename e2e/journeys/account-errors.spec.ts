// Journey: signing in and registering go wrong the way people get them wrong; the forms say what
// and where, and keep what was typed.
import type { Page } from '@playwright/test';
import { newUserFields, signInWithApi, signInWithForm, uniqueSuffix } from '../support/api';
import { alertIn } from '../support/post-page';
import { expect, test } from '../support/journeys';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'sign-in with JavaScript' : 'sign-in without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a wrong password and an unknown email get the same message, and the email stays', async ({
      page,
      accounts,
    }) => {
      const reader = await accounts.create('signin');
      const main = page.getByRole('main');

      await signInWithForm(page, reader.email, 'not-the-password-123');
      await expect(alertIn(main)).toHaveText('Wrong email or password.');
      await expect(page.getByLabel('Email')).toHaveValue(reader.email);
      await expect(page).toHaveURL((url) => url.pathname === '/signin');
      await expect(page.getByRole('navigation', { name: 'Account' })).not.toContainText('Signed in');

      const unknown = `e2e-nobody-${uniqueSuffix()}@example.com`;
      await signInWithForm(page, unknown, reader.password);
      await expect(alertIn(main)).toHaveText('Wrong email or password.');
      await expect(page.getByLabel('Email')).toHaveValue(unknown);
      await expect(page.getByRole('navigation', { name: 'Account' })).not.toContainText('Signed in');
    });
  });
}

// The e2e servers run without OAuth keys (playwright.config.ts), whatever the shell holds.
test('without OAuth keys, sign-in offers email and password only: no GitHub or Google button', async ({ page }) => {
  await page.goto('/signin');
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: /github|google/i })).toHaveCount(0);
  await expect(main.getByRole('link', { name: /github|google/i })).toHaveCount(0);
  await expect(main).not.toContainText(/github|google/i);
});

test('Sign in in the masthead brings the reader back to the page they were reading', async ({ page, accounts }) => {
  const reader = await accounts.create('masthead');
  await page.goto('/label/China');
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(reader.email);
  await page.getByLabel('Password').fill(reader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/label/China');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
});

test('a sign-in Auth.js refuses comes back to the sign-in form still knowing the page it set out from', async ({
  page,
  accounts,
  baseURL,
}) => {
  const reader = await accounts.create('refused');
  // As a provider's button does, through Auth.js's own endpoints: setting out, Auth.js keeps the
  // page to return to in its callback cookie; the refusal comes back to /signin?error=… from the
  // provider's site, so nothing in that request but the cookie names the reader's page.
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const setOut = await page.request.post('/api/auth/signin/credentials', {
    form: { csrfToken, callbackUrl: '/label/China' },
    maxRedirects: 0,
  });
  expect(setOut.status()).toBe(302);
  const refused = await page.request.post('/api/auth/callback/credentials', {
    form: { email: reader.email, password: 'not the password at all', csrfToken },
    maxRedirects: 0,
  });
  const sentTo = new URL(refused.headers().location ?? '', 'http://blog.invalid'); // absolute or not
  expect(sentTo.pathname).toBe('/signin');
  expect(sentTo.searchParams.get('error')).toBeTruthy();

  // Through the provider's site and back, the browser names only the blog's bare address as Referer.
  await page.goto(`${sentTo.pathname}${sentTo.search}`, { referer: new URL('/', baseURL).href });
  await expect(alertIn(page.getByRole('main'))).toHaveText('Signing in did not work. Please try again.');
  await expect(page).toHaveURL((url) => url.searchParams.get('returnTo') === '/label/China');
  await page.getByLabel('Email').fill(reader.email);
  await page.getByLabel('Password').fill(reader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/label/China');
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Sign in in the masthead still brings the reader back after a wrong password', async ({ page, accounts }) => {
    const reader = await accounts.create('mastheadnojs');
    await page.goto('/label/China');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong email or password');

    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/label/China');
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
  });

  test('Sign out leaves the reader on the page they were reading', async ({ page, accounts }) => {
    const reader = await accounts.create('leavesnojs');
    await signInWithApi(page.request, reader);
    await page.goto('/label/China');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/label/China');
  });

  test('Register in the masthead still brings the reader back after a refused form', async ({ page }) => {
    const fields = newUserFields('mastheadreg');
    await page.goto('/label/China');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Email').fill(fields.email);
    await page.getByLabel('Display name').fill(fields.name);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Password').fill(fields.password);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/label/China');
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${fields.name}`);
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    javaScriptEnabled ? 'signed in meanwhile, with JavaScript' : 'signed in meanwhile, without JavaScript',
    () => {
      test.use({ javaScriptEnabled });

      // Signed in meanwhile in another tab, a refused form has nothing left to ask: the reader goes on to
      // the page they set out from, signed in. The form's page must not send them on itself: its
      // redirect answers the form's POST with a 307, and the browser sends the form again to that page.
      test('a refused sign-in, sent after signing in in another tab, goes on to the page the reader set out from', async ({
        page,
        accounts,
      }) => {
        const reader = await accounts.create('signedinelsewhere');
        await page.goto('/signin?returnTo=%2Flabel%2FChina');
        await page.getByLabel('Email').fill(reader.email);
        await page.getByLabel('Password').fill('not the password at all');
        await signInWithApi(page.context().request, reader);

        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page).toHaveURL((url) => url.pathname === '/label/China');
        await expect(page.locator('body')).not.toContainText('Server Action');
        await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
      });

      test('a refused registration, sent after signing in in another tab, goes on to the page the reader set out from', async ({
        page,
        accounts,
      }) => {
        const reader = await accounts.create('registeredelsewhere');
        const fields = newUserFields('refusedwhilesignedin');
        await page.goto('/register?returnTo=%2Flabel%2FChina');
        await page.getByLabel('Email').fill(fields.email);
        await page.getByLabel('Display name').fill(fields.name);
        await page.getByLabel('Password').fill('short');
        await signInWithApi(page.context().request, reader);

        await page.getByRole('button', { name: 'Register' }).click();
        await expect(page).toHaveURL((url) => url.pathname === '/label/China');
        await expect(page.locator('body')).not.toContainText('Server Action');
        await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
      });
    },
  );
}

test.describe('registration errors', () => {
  async function register(page: Page, fields: { email: string; name: string; password: string }) {
    await page.goto('/register');
    await page.getByLabel('Email').fill(fields.email);
    await page.getByLabel('Display name').fill(fields.name);
    await page.getByLabel('Password').fill(fields.password);
    await page.getByRole('button', { name: 'Register' }).click();
  }

  test('a short password is named on the password field; email and name stay', async ({ page }) => {
    const fields = { ...newUserFields('short'), password: 'short' };
    await register(page, fields);
    const password = page.getByLabel('Password');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/Password must be at least 8 characters\./);
    // The refused field takes the focus, so a keyboard or screen-reader user lands on the message.
    await expect(password).toBeFocused();
    await expect(page.getByLabel('Email')).toHaveValue(fields.email);
    await expect(page.getByLabel('Display name')).toHaveValue(fields.name);
    await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL((url) => url.pathname === '/register');
  });

  test('a malformed email is named on the email field; what was typed stays', async ({ page }) => {
    const fields = { ...newUserFields('bademail'), email: `not-an-email-${uniqueSuffix()}` };
    await register(page, fields);
    const email = page.getByLabel('Email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
    await expect(email).toHaveValue(fields.email);
    await expect(page.getByLabel('Display name')).toHaveValue(fields.name);
    await expect(page.getByLabel('Password')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('an email that already has an account is named on the email field; what was typed stays', async ({
    page,
    accounts,
  }) => {
    const existing = await accounts.create('taken');
    const fields = { ...newUserFields('again'), email: existing.email };
    await register(page, fields);
    const email = page.getByLabel('Email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
    await expect(email).toHaveValue(existing.email);
    await expect(page.getByLabel('Display name')).toHaveValue(fields.name);
    await expect(page.getByRole('navigation', { name: 'Account' })).not.toContainText('Signed in');
  });

  for (const javaScriptEnabled of [true, false]) {
    test.describe(
      javaScriptEnabled ? 'hostile display names, with JavaScript' : 'hostile display names, without JavaScript',
      () => {
        test.use({ javaScriptEnabled });

        test('markup in a display name is taken and shown as plain text; a direction override is refused on the name field', async ({
          page,
        }) => {
          const dialogs: string[] = [];
          page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          // A mark that turns text around would show "live" for what is stored as "evil", and run on past the name.
          const turned = { ...newUserFields('turned'), name: `\u202Eevil ${uniqueSuffix().slice(-4)}` };
          await register(page, turned);
          const nameBox = page.getByLabel('Display name');
          await expect(nameBox).toHaveAccessibleDescription(
            /Name must not contain marks that change the direction of text\./,
          );
          await expect(nameBox).toHaveValue(turned.name);

          const name = `<img src=x onerror=alert(1)> evil ${uniqueSuffix().slice(-4)}`;
          await register(page, { ...newUserFields('hostile'), name });
          const nav = page.getByRole('navigation', { name: 'Account' });
          await expect(nav).toContainText(`Signed in as ${name}`);
          await expect(page.locator('header img, nav img')).toHaveCount(0);
          expect(dialogs).toEqual([]);
        });

        test('a control character in a display name is named on the name field; what was typed stays', async ({
          page,
        }) => {
          const fields = { ...newUserFields('control'), name: `Bell \u0007 ringer ${uniqueSuffix().slice(-4)}` };
          await register(page, fields);
          const name = page.getByLabel('Display name');
          await expect(name).toHaveAttribute('aria-invalid', 'true');
          await expect(name).toHaveAccessibleDescription(/Name must not contain control characters or line breaks\./);
          await expect(name).toHaveValue(fields.name);
          await expect(page.getByLabel('Email')).toHaveValue(fields.email);
          await expect(page.getByRole('navigation', { name: 'Account' })).not.toContainText('Signed in');
        });
      },
    );
  }
});

test('with JavaScript, a sign-in the blog does not answer in its own words shows a page that says so, not a blank one', async ({
  page,
}) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill('someone@example.com');
  await page.getByLabel('Password').fill('a password of some length');
  // As a proxy in front given the wrong Host answers the form's request: in JSON of its own.
  await page.route('**/signin*', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"refused by the proxy"}' })
      : route.fallback(),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
  await expect(page.getByRole('main')).toContainText('The blog did not answer as expected');
  // The masthead is still the blog's, and the way on is offered.
  await expect(page.getByRole('banner')).toBeVisible();
  await page.unroute('**/signin*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
