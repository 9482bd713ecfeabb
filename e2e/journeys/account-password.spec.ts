// Journey: a reader changes their password from their account page, with and without JavaScript: a
// wrong current password or a short new one is named on its field; once changed, the old password
// no longer signs in, the new one does, and their other browsers are signed out.
import AxeBuilder from '@axe-core/playwright';
import { signInWithApi, signInWithForm, uniqueSuffix } from '../support/api';
import { alertIn } from '../support/post-page';
import { expect, test } from '../support/journeys';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a reader changes their password; mistakes are named on their field; the other browser is signed out', async ({
      page,
      browser,
      accounts,
    }) => {
      const reader = await accounts.create('new-password');
      // The reader is signed in on another computer too.
      const elsewhere = await browser.newContext();
      await signInWithApi(elsewhere.request, reader);
      const other = await elsewhere.newPage();
      await other.goto('/account');
      await expect(other.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);

      await signInWithApi(page.request, reader);
      // And someone has a copy of this browser's cookie (a reason to change a password).
      const copied = await browser.newContext();
      await copied.addCookies(await page.context().cookies());
      const copy = await copied.newPage();
      await copy.goto('/account');
      await expect(copy.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
      await page.goto('/account');
      const form = page.getByRole('form', { name: 'Your password' });
      const current = form.getByLabel('Current password');
      const next = form.getByLabel('New password');
      await expect(next).toHaveAccessibleDescription(/At least 8 characters\./);

      await current.fill('not-the-password-123');
      await next.fill('a brand new password');
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(current).toHaveAccessibleDescription('That is not your current password.');
      await expect(current).toHaveAttribute('aria-invalid', 'true');
      await expect(current).toBeFocused();
      if (javaScriptEnabled)
        expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      await current.fill(reader.password);
      await next.fill('short');
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(next).toHaveAccessibleDescription(/Password must be at least 8 characters\./);
      await expect(next).toBeFocused();
      await expect(current).not.toHaveAttribute('aria-invalid');

      const chosen = `new password ${uniqueSuffix().slice(-6)}`;
      await current.fill(reader.password);
      await next.fill(chosen);
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(form.getByRole('status')).toHaveText(
        'Password changed. One other browser signed in to your account was signed out.',
      );
      // Passwords are not written back into the page.
      await expect(current).toHaveValue('');
      await expect(next).toHaveValue('');

      // This browser stays signed in; the other one is signed out at its next page.
      await page.reload();
      await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
      await other.reload();
      await expect(other.getByRole('main')).toContainText('You are not signed in.');
      await expect(other.getByRole('navigation', { name: 'Account' })).not.toContainText('Signed in');
      await elsewhere.close();
      // This browser goes on under a new sign-in: the copy of its old cookie opens nothing.
      await copy.reload();
      await expect(copy.getByRole('main')).toContainText('You are not signed in.');
      await copied.close();

      // On a new computer: the old password no longer signs in; the new one does.
      const fresh = await browser.newContext({ javaScriptEnabled });
      const signIn = await fresh.newPage();
      await signInWithForm(signIn, reader.email, reader.password);
      await expect(alertIn(signIn.getByRole('main'))).toHaveText('Wrong email or password.');
      await signInWithForm(signIn, reader.email, chosen);
      await expect(signIn.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${reader.name}`);
      await fresh.close();
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`signed out in another tab ${javaScriptEnabled ? 'with' : 'without'} JavaScript, the password form says so and offers Sign in`, async ({
    browser,
    accounts,
  }) => {
    const reader = await accounts.create('password-signedout');
    const context = await browser.newContext({ javaScriptEnabled });
    try {
      await signInWithApi(context.request, reader);
      const page = await context.newPage();
      await page.goto('/account');
      const form = page.getByRole('form', { name: 'Your password' });
      await expect(form.getByLabel('Current password')).toBeVisible();

      const otherTab = await context.newPage();
      await otherTab.goto('/account');
      await otherTab.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
      await expect(
        otherTab.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
      ).toBeVisible();

      await form.getByLabel('Current password').fill(reader.password);
      await form.getByLabel('New password').fill('a password never saved');
      await form.getByRole('button', { name: 'Change password' }).click();
      const alert = page.getByRole('form', { name: 'Your password' }).getByRole('alert');
      await expect(alert).toContainText('You were signed out. Sign in again to change your password.');
      await expect(
        page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
      ).toBeVisible();
      await alert.getByRole('link', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(
        (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === '/account',
      );
      await expect(page.getByRole('main')).toContainText('Sign in to change your name or your password.');
      // Nothing changed: the old password still signs in.
      const check = await browser.newContext();
      await signInWithApi(check.request, reader);
      await check.close();
    } finally {
      await context.close();
    }
  });
}

test('an account page without a sign-in offers no password form', { tag: '@one-database' }, async ({ page }) => {
  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText('You are not signed in.');
  await expect(page.getByLabel('Current password')).toHaveCount(0);
});
