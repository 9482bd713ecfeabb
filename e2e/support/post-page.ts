// The comment section of a post page, as a reader finds it: by roles, labels and visible words.
import { expect, type Locator, type Page } from '@playwright/test';
import { SEED_POST } from './blog';

/** Blogger's wording, written out here rather than borrowed from the app: "No comments", "1 comment", "12 comments". */
export function countLabel(count: number): string {
  if (count === 0) return 'No comments';
  return count === 1 ? '1 comment' : `${count.toLocaleString('en-US')} comments`;
}

export async function openPost(page: Page, path: string = SEED_POST.path): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The "N comments:" heading of the comment section. */
export function commentHeading(page: Page): Locator {
  return page.locator('#comments').getByRole('heading', { level: 2 });
}

/** The count in the post footer ("N comments", linking to the thread). */
export function footerCount(page: Page): Locator {
  return page.locator('footer.post-footer a[href="#comments"]');
}

/** The number the heading shows now. */
export async function readCommentCount(page: Page): Promise<number> {
  const text = ((await commentHeading(page).textContent()) ?? '').trim();
  const match = /^(No|[\d,]+) comments?:$/.exec(text);
  expect(match, `comment heading "${text}"`).not.toBeNull();
  return match![1] === 'No' ? 0 : Number(match![1]!.replace(/,/g, ''));
}

export async function expectCommentCount(page: Page, count: number): Promise<void> {
  await expect(commentHeading(page)).toHaveText(`${countLabel(count)}:`);
  await expect(footerCount(page)).toHaveText(countLabel(count));
}

/** The top-level "Post a Comment" form. */
export function postCommentForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Your comment' });
}

/** A comment's list item (`li#c{id}`, replies nested inside), found by words in its own text. */
export function commentByText(page: Page, text: string): Locator {
  return page.locator('.comment-body').filter({ hasText: text }).locator('xpath=ancestor::li[1]');
}

export function commentById(page: Page, id: number): Locator {
  return page.locator(`li#c${id}`);
}

/** The comment's own card (not its replies'). */
export function commentCard(page: Page, id: number): Locator {
  return page.locator(`li#c${id} > article`);
}

/** The comment's own action links and buttons (Reply, Edit, Delete), not its replies'. */
export function commentActions(page: Page, id: number): Locator {
  return page.locator(`li#c${id} > article .comment-actions`);
}

/** Delete on one's own comment: a disclosure (`summary`), which opens its second step. */
export function deleteStep(actions: Locator): Locator {
  return actions.locator('summary').filter({ hasText: /^Delete$/ });
}

/** Deletes one's own comment from its actions (`commentActions`): Delete, then "Yes, delete it". */
export async function deleteOwnComment(actions: Locator): Promise<void> {
  await deleteStep(actions).click();
  await actions.getByRole('button', { name: 'Yes, delete it' }).click();
}

export async function commentIdOf(item: Locator): Promise<number> {
  const id = await item.getAttribute('id');
  expect(id).toMatch(/^c\d+$/);
  return Number(id!.slice(1));
}

/**
 * Waits until React has hydrated a comment form: it then carries `js=1`, which tells the server
 * to answer in place. Submitting before that is a plain form POST (a full page load).
 */
export async function waitForEnhancedForm(form: Locator): Promise<void> {
  await expect(form.locator('input[type="hidden"][name="js"]')).toBeAttached();
}

/**
 * Stops the page's live checks (`…/comments/version`), so whatever then changes on the page must
 * come from the reader's own action and not from the next poll. Each check is answered "nothing
 * new" (204) rather than failed, which would log a console error the page did not make.
 */
export async function pauseLiveUpdates(page: Page): Promise<void> {
  await page.route(/\/comments\/version(\?|$)/, (route) => route.fulfill({ status: 204, headers: { 'cache-control': 'no-store' } }));
}

/** Form messages (field errors aside) inside `scope`; never Next's route announcer. */
export function alertIn(scope: Locator): Locator {
  return scope.getByRole('alert');
}

/** "November 29, 2026 at 1:15 PM", as Intl formats it in en-US (the space before AM/PM may be U+202F). */
export const COMMENT_TIME_FORMAT =
  /^(January|February|March|April|May|June|July|August|September|October|November|December) ([1-9]|[12]\d|3[01]), \d{4} at (1[0-2]|[1-9]):[0-5]\d[\s\u202f](AM|PM)$/;

/** The time a comment written at `iso` should show, in the blog's time zone. */
export function expectedCommentTime(iso: string, timeZone: string = SEED_POST.timeZone): string {
  const instant = new Date(iso);
  const date = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(
    instant,
  );
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);
  return `${date} at ${time}`;
}
