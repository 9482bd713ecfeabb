// Two app instances on one PostgreSQL (the site-postgres project only): what one accepts, the
// other's open pages show, and neither keeps a stale cached page.
import { expect } from '@playwright/test';
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { test as quire } from '../support/quire';

const test = quire.extend<{ otherInstanceUrl: string }>({
  otherInstanceUrl: ['', { option: true }],
});

test('a comment posted through one instance appears live on a page served by the other', async ({
  page,
  playwright,
  otherInstanceUrl,
  accounts,
  commentSettings,
}) => {
  expect(otherInstanceUrl, 'playwright.config.ts starts a second instance for this project').not.toBe('');
  await commentSettings.set({ holdFor: 'nobody' });
  await page.goto(SEED_POST.path);
  const heading = page.locator('#comments-heading');
  const before = (await heading.textContent()) ?? '';

  const author = await accounts.create('instance');
  const other = await playwright.request.newContext({ baseURL: otherInstanceUrl });
  await signInWithApi(other, author);
  const text = uniqueText('Across instances');
  const comment = await postComment(other, text);
  await other.dispose();

  await expect(page.locator(`#c${comment.id}`)).toContainText(text, { timeout: 5_000 });
  await expect(heading).not.toHaveText(before);

  // An anonymous reader of the other instance gets a fresh page too, not its cached copy.
  const anonymous = await playwright.request.newContext({ baseURL: otherInstanceUrl });
  await expect.poll(async () => (await (await anonymous.get(SEED_POST.path)).text()).includes(text), { timeout: 5_000 }).toBe(true);
  await anonymous.dispose();
});
