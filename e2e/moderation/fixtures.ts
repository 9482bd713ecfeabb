// The moderation journeys' `test`: the commenting journeys' fixtures (e2e/support/quire) plus an
// admin, browsers for other people, and a guard that puts back whatever blog state a test
// changes through the console (comment settings, a closed post), pass or fail.
import type { APIRequestContext, BrowserContext, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { sendComment, signInWithApi, uniqueText, type TestUser } from '../support/api';
import { SEED_POST } from '../support/blog';
import { expect, test as base } from '../support/quire';

export interface Admin {
  user: TestUser;
  /** A browser page signed in as the admin. */
  page: Page;
  /** The admin's API client. */
  api: APIRequestContext;
}

interface ModerationFixtures {
  /** A fresh account made an admin by writing its role to the database, as `npm run admin` would. */
  admin: Admin;
  /** A page in a browser of its own: signed in as `user`, or signed out when `user` is null. */
  browse: (user: TestUser | null, options?: BrowserContextOptions) => Promise<Page>;
  /**
   * Turns on "hold first-time commenters" and has a new reader send a comment through the API:
   * it waits in the queue (202). `words` becomes a unique text.
   */
  heldComment: (label: string, words: string) => Promise<{ writer: TestUser; text: string; id: number }>;
  /** Sets 500 comments a page for each test (put back after it). */
  wholeThreadOnOnePage: void;
  /** Restores the comment settings and the seed post's open/closed state after each test. */
  blogState: void;
}

export const test = base.extend<ModerationFixtures>({
  browse: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (user, options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      if (user) await signInWithApi(context.request, user);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  admin: async ({ accounts, db, browse }, provide) => {
    const user = await accounts.create('admin');
    await db.user.update({ where: { email: user.email }, data: { role: 'admin' }, select: { id: true } });
    const [page, api] = await Promise.all([browse(user), accounts.apiAs(user)]);
    await provide({ user, page, api });
  },

  heldComment: async ({ accounts, commentSettings }, provide) => {
    await provide(async (label, words) => {
      await commentSettings.set({ holdFor: 'first-time' });
      const writer = await accounts.create(label);
      const text = uniqueText(words);
      const response = await sendComment(await accounts.apiAs(writer), { body: text });
      expect(response.status(), await response.text()).toBe(202);
      const { comment } = (await response.json()) as { comment: { id: number } };
      return { writer, text, id: comment.id };
    });
  },

  // As in the commenting journeys (e2e/support/journeys.ts): one page holds the whole thread, so
  // a comment a journey writes is on the page it opens however many earlier tests left.
  wholeThreadOnOnePage: [
    async ({ commentSettings }, provide) => {
      await commentSettings.set({ commentsPerPage: 500 });
      await provide();
    },
    { auto: true },
  ],

  blogState: [
    async ({ db }, provide) => {
      const [settings, thread] = await Promise.all([
        db.setting.findUnique({ where: { key: 'comments' } }),
        db.postThread.findUnique({ where: { postId: SEED_POST.id }, select: { closed: true } }),
      ]);
      await provide();
      if (settings) await db.setting.update({ where: { key: 'comments' }, data: { value: settings.value } });
      else await db.setting.deleteMany({ where: { key: 'comments' } });
      await db.postThread.updateMany({ where: { postId: SEED_POST.id }, data: { closed: thread?.closed ?? false } });
    },
    { auto: true },
  ],
});

export { expect };

/** The queue row (`li#q{id}`) of the comment with this text, on the tab the page shows. */
export function queueRow(page: Page, text: string): Locator {
  return page.locator('li.queue-row').filter({ hasText: text });
}

export async function queueRowId(row: Locator): Promise<number> {
  const id = await row.getAttribute('id');
  expect(id).toMatch(/^q\d+$/);
  return Number(id!.slice(1));
}

/** The queue's result line ("Approved 3 comments."). */
export function queueStatus(page: Page): Locator {
  return page.getByRole('form', { name: 'Moderate comments' }).getByRole('status');
}

/** Rows of the moderation log, newest first. */
export function logRows(page: Page): Locator {
  return page.locator('table.log-table tbody tr');
}

/** Waits until React has hydrated the queue form, so it answers in place instead of by a page load. */
export async function waitForEnhancedQueue(page: Page): Promise<void> {
  await expect(page.getByRole('form', { name: 'Moderate comments' }).locator('input[name="js"]')).toBeAttached();
}
