// Journey: a reader changes the name their comments show, from their account page, with and
// without JavaScript; readers see the new name on comments written before, cached pages included.
import AxeBuilder from '@axe-core/playwright';
import { postComment, signInWithApi, uniqueSuffix, uniqueText } from '../support/api';
import { commentById, openPost } from '../support/post-page';
import { expect, test } from '../support/journeys';

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    javaScriptEnabled ? 'with JavaScript' : 'without JavaScript',
    { tag: javaScriptEnabled ? [] : '@one-database' },
    () => {
      test.use({ javaScriptEnabled });

      test('a reader renames themself from the masthead; a blank name is refused and kept as typed; every comment shows the new one', async ({
        page,
        browser,
        accounts,
      }) => {
        const reader = await accounts.create('renamer');
        const comment = await postComment(await accounts.apiAs(reader), uniqueText('Signed with the old name'));
        // A visitor reads the post first, so the page is kept whole for readers who are not signed in.
        const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
        await openPost(visitor);
        await expect(commentById(visitor, comment.id)).toContainText(reader.name);

        await signInWithApi(page.request, reader);
        await openPost(page);
        await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: reader.name }).click();
        await expect(page).toHaveURL((url) => url.pathname === '/account');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
        const box = page.getByLabel('Display name');
        await expect(box).toHaveValue(reader.name);

        await box.fill('   ');
        await page.getByRole('button', { name: 'Save name' }).click();
        await expect(box).toHaveAccessibleDescription(/Enter the name to show with your comments\./);
        await expect(box).toHaveAttribute('aria-invalid', 'true');
        await expect(box).toHaveValue('   ');
        // The page and its refusal read as they look, to everyone (axe runs as a script in the page).
        if (javaScriptEnabled)
          expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

        const newName = `Renamed ${uniqueSuffix().slice(-6)}`;
        await box.fill(newName);
        await page.getByRole('button', { name: 'Save name' }).click();
        await expect(page.getByRole('form', { name: 'Your name' }).getByRole('status')).toHaveText(
          `Saved. Your comments now show “${newName}”.`,
        );
        await expect(box).toHaveValue(newName);
        await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${newName}`);

        // The comment written under the old name, on the author's page and the visitor's kept one.
        await openPost(page);
        await expect(commentById(page, comment.id)).toContainText(newName);
        await visitor.reload();
        await expect(commentById(visitor, comment.id)).toContainText(newName);
        await expect(commentById(visitor, comment.id)).not.toContainText(reader.name);
        await visitor.context().close();
      });
    },
  );
}

test(
  'a name of one long word wraps in the masthead of a phone’s screen, leaving Sign out on it',
  { tag: '@one-database' },
  async ({ page, accounts }) => {
    const reader = await accounts.create('longname');
    await page.setViewportSize({ width: 390, height: 800 });
    await signInWithApi(page.request, reader);
    await page.goto('/account');
    await page.getByLabel('Display name').fill('W'.repeat(80));
    await page.getByRole('button', { name: 'Save name' }).click();
    const masthead = page.getByRole('navigation', { name: 'Account' });
    await expect(masthead).toContainText('W'.repeat(80));
    await openPost(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(masthead.getByRole('button', { name: 'Sign out' })).toBeInViewport();
  },
);

test(
  'the account page asks a reader who is not signed in to sign in, and comes back to it',
  { tag: '@one-database' },
  async ({ page, accounts }) => {
    const reader = await accounts.create('accountpage');
    await page.goto('/account');
    await expect(page.getByRole('main')).toContainText('You are not signed in.');
    await expect(page.getByLabel('Display name')).toHaveCount(0);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(
      (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === '/account',
    );
    await expect(page.getByRole('main')).toContainText('Sign in to change your name or your password.');
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/account');
    await expect(page.getByLabel('Display name')).toHaveValue(reader.name);
  },
);

for (const javaScriptEnabled of [true, false]) {
  test(
    `signed out in another tab ${javaScriptEnabled ? 'with' : 'without'} JavaScript, the form says so, keeps the new name, and offers Sign in`,
    { tag: javaScriptEnabled ? [] : '@one-database' },
    async ({ browser, accounts }) => {
      const reader = await accounts.create('signedout');
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        await signInWithApi(context.request, reader);
        const page = await context.newPage();
        await page.goto('/account');
        const box = page.getByLabel('Display name');
        await expect(box).toHaveValue(reader.name);

        const otherTab = await context.newPage();
        await openPost(otherTab);
        await otherTab.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
        await expect(
          otherTab.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
        ).toBeVisible();

        const typed = `Kept ${uniqueSuffix().slice(-6)}`;
        await box.fill(typed);
        await page.getByRole('button', { name: 'Save name' }).click();
        const alert = page.getByRole('main').getByRole('alert');
        await expect(alert).toContainText('You were signed out. Sign in again to change your name.');
        await expect(box).toHaveValue(typed);
        await expect(
          page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
        ).toBeVisible();
        await alert.getByRole('link', { name: 'Sign in' }).click();
        await expect(page).toHaveURL(
          (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === '/account',
        );
      } finally {
        await context.close();
      }
    },
  );
}
