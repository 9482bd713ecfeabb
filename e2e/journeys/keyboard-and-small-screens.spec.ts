// Using the blog with a keyboard, a screen reader's focus, a small screen and the colours axe checks:
// the states the reading-page checks (e2e/accessibility.spec.ts) never reach, a thread with
// comments and open boxes, forms answering with errors, the console on a phone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { postComment, postComments, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  commentActions,
  commentByText,
  commentById,
  commentCard,
  commentIdOf,
  deleteStep,
  openPost,
  pauseLiveUpdates,
  postCommentForm,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test, waitForEnhancedQueue } from '../moderation/fixtures';

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('#comments').analyze();
  return results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.beforeEach(async ({ commentSettings }) => {
  await commentSettings.set({ holdFor: 'nobody' });
});

test('a thread with replies, a code block and an open edit box has no axe violations, light and dark', async ({
  accounts,
  browse,
}) => {
  const author = await accounts.create('axe');
  const api = await accounts.apiAs(author);
  const top = await postComment(api, uniqueText('A comment with code'));
  await postComment(api, `A long line of code:\n\n    ${'const answer = compute(everything, '.repeat(12)}0);`, {
    parentId: top.id,
  });
  const page = await browse(author);
  await page.goto(`${SEED_POST.path}?edit=${top.id}#c${top.id}`);
  await expect(commentById(page, top.id).getByRole('textbox', { name: 'Edit your comment' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `${scheme} scheme`).toEqual([]);
  }
});

test('every avatar colour carries its white initials at 4.5:1 or more', async ({ accounts, browse }) => {
  const author = await accounts.create('hues');
  const comment = await postComment(await accounts.apiAs(author), uniqueText('Any name, any hue'));
  const page = await browse(null);
  await page.goto(SEED_POST.path);
  const avatar = commentById(page, comment.id).locator('.avatar');
  // The hue comes from the name (components/avatar.tsx); try each of the 360 on this avatar.
  const worst = await avatar.evaluate((element: HTMLElement) => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let lowest = { ratio: Infinity, hue: -1 };
    for (let hue = 0; hue < 360; hue += 1) {
      element.style.setProperty('--avatar-hue', String(hue));
      const style = getComputedStyle(element);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
      const ratio = (light! + 0.05) / (dark! + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, hue };
    }
    return lowest;
  });
  expect(worst.ratio, `hue ${worst.hue}`).toBeGreaterThanOrEqual(4.5);
});

test('Edit and Reply move the keyboard into their box, and Cancel brings it back to the link', async ({
  accounts,
  browse,
}) => {
  const author = await accounts.create('keys');
  const comment = await postComment(await accounts.apiAs(author), uniqueText('Edited from the keyboard'));
  const page = await browse(author);
  await openPost(page);
  await waitForEnhancedForm(postCommentForm(page));
  const actions = commentActions(page, comment.id);

  await actions.getByRole('link', { name: 'Edit' }).press('Enter');
  const editBox = commentById(page, comment.id).getByRole('textbox', { name: 'Edit your comment' });
  await expect(editBox).toBeFocused();
  // At the end of the text, where a reader goes on writing.
  const { caret, length } = await editBox.evaluate((box: HTMLTextAreaElement) => ({
    caret: box.selectionStart,
    length: box.value.length,
  }));
  expect(length).toBeGreaterThan(0);
  expect(caret).toBe(length);
  await page.keyboard.press('Tab');
  await expect(commentById(page, comment.id).getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(commentById(page, comment.id).getByRole('button', { name: 'Preview' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(commentById(page, comment.id).getByRole('link', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editBox).toBeHidden();
  await expect(actions.getByRole('link', { name: 'Edit' })).toBeFocused();

  await actions.getByRole('link', { name: 'Reply' }).press('Enter');
  const replyBox = page.getByRole('textbox', { name: `Reply to ${author.name}` });
  await expect(replyBox).toBeFocused();
  await page
    .getByRole('form', { name: `Reply to ${author.name}` })
    .getByRole('link', { name: 'Cancel' })
    .press('Enter');
  await expect(replyBox).toBeHidden();
  await expect(actions.getByRole('link', { name: 'Reply' })).toBeFocused();
});

test('after Publish, Save and Delete from the keyboard, the focus is on what they changed, not back at the top of the page', async ({
  accounts,
  browse,
  commentSettings,
}) => {
  // One page holds the whole thread, so the new comment is drawn where it was written.
  await commentSettings.set({ commentsPerPage: 500 });
  const author = await accounts.create('focus');
  const asked = await postComment(await accounts.apiAs(author), uniqueText('Something to answer'));
  const page = await browse(author);
  await openPost(page);
  await pauseLiveUpdates(page);

  await commentActions(page, asked.id).getByRole('link', { name: 'Reply' }).press('Enter');
  const replyForm = page.getByRole('form', { name: `Reply to ${author.name}` });
  await waitForEnhancedForm(replyForm);
  const replyText = uniqueText('An answer sent from the keyboard');
  await replyForm.getByRole('textbox', { name: `Reply to ${author.name}` }).fill(replyText);
  await replyForm.getByRole('button', { name: 'Publish' }).press('Enter');
  const reply = commentByText(page, replyText);
  await expect(reply.locator(':scope > article')).toBeFocused();
  const replyId = await commentIdOf(reply);

  await commentActions(page, replyId).getByRole('link', { name: 'Edit' }).press('Enter');
  const editForm = page.getByRole('form', { name: 'Edit your comment' });
  await waitForEnhancedForm(editForm);
  const edited = uniqueText('An answer thought over');
  await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(edited);
  await editForm.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(commentCard(page, replyId).locator('.comment-body')).toHaveText(edited);
  await expect(commentCard(page, replyId)).toBeFocused();

  await deleteStep(commentActions(page, replyId)).press('Enter');
  await commentActions(page, replyId).getByRole('button', { name: 'Yes, delete it' }).press('Enter');
  await expect(commentById(page, replyId)).toHaveCount(0);
  // On the word that it is deleted, which a screen reader reads, the comment being gone.
  await expect(page.locator('#comments').getByRole('status')).toBeFocused();
  await expect(page.locator('#comments').getByRole('status')).toHaveText('Your comment is deleted.');

  const form = postCommentForm(page);
  const text = uniqueText('A comment of my own, from the keyboard');
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
  await form.getByRole('button', { name: 'Publish' }).press('Enter');
  await expect(commentByText(page, text).locator(':scope > article')).toBeFocused();
});

test('a live update after a reply is published in place moves neither the focus nor the page', async ({
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ commentsPerPage: 500 });
  const [author, other] = await Promise.all([accounts.create('stays'), accounts.create('meanwhile')]);
  const asked = await postComment(await accounts.apiAs(author), uniqueText('Something to answer'));
  const page = await browse(author);
  await openPost(page);

  // The address names the reply box (#reply-…), then the reply (#c…): a live update must send the
  // focus to neither.
  await commentActions(page, asked.id).getByRole('link', { name: 'Reply' }).press('Enter');
  const replyForm = page.getByRole('form', { name: `Reply to ${author.name}` });
  await waitForEnhancedForm(replyForm);
  await replyForm.getByRole('textbox', { name: `Reply to ${author.name}` }).fill(uniqueText('Answered in place'));
  await replyForm.getByRole('button', { name: 'Publish' }).press('Enter');
  await expect(page.locator('li.comment > article:focus')).toHaveCount(1);

  // The reader reads on, the focus nowhere in particular, while someone else comments.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const scrolled = await page.evaluate(() => window.scrollY);
  const arriving = await postComment(await accounts.apiAs(other), uniqueText('Arrives by a live update'));
  await expect(commentById(page, arriving.id)).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('signing in from a later page of comments comes back to that page', async ({
  accounts,
  commentSettings,
  browse,
}) => {
  const reader = await accounts.create('pages');
  await postComments(await accounts.apiAs(reader), 6, 'paged');
  await commentSettings.set({ commentsPerPage: 5 });
  const page = await browse(null);
  await page.goto(`${SEED_POST.path}?comments=2`);
  await expect(page.getByText(/Comments page 2 of/)).toBeVisible();
  await page.locator('#post-a-comment').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(reader.email);
  await page.getByLabel('Password').fill(reader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${SEED_POST.path}?comments=2#comments`);
  await expect(page.getByText(/Comments page 2 of/)).toBeVisible();
  await expect(page.getByText(`Signed in as ${reader.name}`)).toBeVisible();
});

test('a refused form moves the keyboard to what it must put right, field or message', async ({
  accounts,
  admin,
  browse,
}) => {
  // Signing in with a wrong password names no field: the message takes the focus.
  const reader = await accounts.create('focus');
  const page = await browse(null);
  await page.goto('/signin');
  const signIn = page.locator('form.account-form');
  // Hydrated (the form has no marker of its own): nothing is left to load.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(reader.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toBeFocused();

  // The console's settings and ban forms: the first field refused.
  await admin.page.goto('/admin/settings');
  const settings = admin.page.getByRole('form', { name: 'Comment settings' });
  await waitForEnhancedForm(settings);
  await settings.getByLabel('Top-level comments per page').fill('many');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByLabel('Top-level comments per page')).toBeFocused();

  await admin.page.goto(`/admin/users/${reader.id}`);
  const ban = admin.page.getByRole('form', { name: `Ban ${reader.name}` });
  await waitForEnhancedForm(ban);
  await ban.getByRole('button', { name: 'Ban' }).click();
  await expect(ban.getByLabel('Reason')).toBeFocused();
});

test('after the console’s, the account’s and a post’s admin buttons from the keyboard, the focus stays with what was pressed, not the top of the page', async ({
  accounts,
  admin,
  browse,
  heldComment,
}) => {
  // The account's name.
  const reader = await accounts.create('keyboard-name');
  const page = await browse(reader);
  await page.goto('/account');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Display name').fill(`Keys ${reader.name.slice(-6)}`);
  await page.getByRole('button', { name: 'Save name' }).press('Enter');
  await expect(page.getByRole('form', { name: 'Your name' }).getByRole('status')).toHaveText(/saved/i);
  await expect(page.getByRole('button', { name: 'Save name' })).toBeFocused();

  // The console's settings.
  await admin.page.goto('/admin/settings');
  const settings = admin.page.getByRole('form', { name: 'Comment settings' });
  await waitForEnhancedForm(settings);
  // Twice: each save draws the form anew.
  for (let save = 1; save <= 2; save += 1) {
    await settings.getByRole('button', { name: 'Save settings' }).press('Enter');
    await expect(settings.getByRole('status')).toHaveText('Settings saved.');
    await expect(settings.getByRole('button', { name: 'Save settings' }), `save ${save}`).toBeFocused();
  }

  // The queue's bulk buttons: the button, or the queue's word when nothing is left to press.
  const held = await heldComment('keyboard-queue', 'Held for the keyboard');
  await admin.page.goto('/admin');
  await waitForEnhancedQueue(admin.page);
  await admin.page.locator(`li.queue-row:has(input[name="ids"][value="${held.id}"]) input[name="ids"]`).check();
  await admin.page.getByRole('button', { name: 'Approve selected' }).press('Enter');
  const queue = admin.page.getByRole('form', { name: 'Moderate comments' });
  await expect(queue.getByRole('status')).toContainText('Approved');
  await expect
    .poll(() => admin.page.evaluate(() => document.activeElement?.closest('form.queue-form') !== null && document.activeElement !== document.body))
    .toBe(true);

  // A post page's Close comments, and Approve under a held comment.
  await admin.page.goto(SEED_POST.path);
  // Hydrated. (Not "network idle": the post page's live checks, and the refreshes other journeys'
  // comments set off, may leave no quiet half-second on a busy machine.)
  await waitForEnhancedForm(postCommentForm(admin.page));
  await admin.page.getByRole('button', { name: 'Close comments' }).press('Enter');
  await expect(admin.page.getByRole('button', { name: 'Reopen comments' })).toBeFocused();
  await admin.page.getByRole('button', { name: 'Reopen comments' }).press('Enter');
  await expect(admin.page.getByRole('button', { name: 'Close comments' })).toBeFocused();

  const another = await heldComment('keyboard-post', 'Held under the post');
  await admin.page.goto(`/comments/${another.id}`);
  await waitForEnhancedForm(postCommentForm(admin.page));
  await admin.page.getByRole('form', { name: `Moderate comment ${another.id}` }).getByRole('button', { name: 'Approve' }).press('Enter');
  await expect(admin.page.getByRole('form', { name: `Moderate comment ${another.id}` }).getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(admin.page.locator(`li#c${another.id} > article`)).toBeFocused();
});

test('the console fits a phone’s screen: wide tables scroll in their own box', async ({ admin, accounts, db }) => {
  // An admin whose name is one long word, as any reader may choose: it breaks in the log's Who column.
  await db.user.update({ where: { email: admin.user.email }, data: { name: 'W'.repeat(80) }, select: { id: true } });
  const writer = await accounts.apiAs(await accounts.create('phone'));
  const comment = await postComment(writer, uniqueText('Something for the log, whose rows are wide'));
  // The log's table: an action on a comment, with its admin, its target and its reason.
  expect((await admin.api.post(`/api/admin/comments/${comment.id}/spam`)).status()).toBe(200);
  await admin.page.setViewportSize({ width: 390, height: 800 });
  for (const path of ['/admin', '/admin/log', '/admin/settings']) {
    await admin.page.goto(path);
    await expect(admin.page.getByRole('heading', { level: 1 })).toBeVisible();
    const widths = await admin.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(widths.page, path).toBeLessThanOrEqual(widths.screen);
  }
  // The log's own box scrolls at most a little: no column is as wide as a long name.
  await admin.page.goto('/admin/log');
  const table = await admin.page.locator('table.log-table').evaluate((element) => element.scrollWidth);
  expect(table).toBeLessThanOrEqual(2 * 390);
});
