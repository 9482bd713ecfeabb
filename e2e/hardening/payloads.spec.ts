// Hostile comments: every case of the payload corpus (./payloads.ts) goes in as a comment body, a
// display name, a guest name or a guest website, through the JSON API and through the real form,
// and the post page must come out inert in Chromium: nothing runs, nothing loads, no dangerous link
// or attribute survives, and no comment breaks out of the comment section.
import type { APIResponse, Browser, Page } from '@playwright/test';
import { holdsPlace } from '@/lib/comments/rules';
import type { CommentSettings } from '@/lib/comments/settings';
import { newUserFields, sendComment, signInWithApi, uniqueText, type ApiComment } from '../support/api';
import { expect, test as journeys } from '../support/journeys';
import { commentById, openPost, pauseLiveUpdates, postCommentForm, waitForEnhancedForm } from '../support/post-page';
import { guestWebsites, payloads, PWNED_PATH, type Payload } from './payloads';

/** The blog's limits, written out from the README and the forms rather than borrowed from the app. */
const LIMITS = { body: 10_000, name: 80, website: 200 } as const;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Requests in flight at once while posting the corpus: quick, without starving a shared machine. */
const BATCH = 6;
/** Whoever comments is published at once (guests too, links or not), and one page holds them all. */
const OPEN_THREAD: Partial<CommentSettings> = {
  whoMayComment: 'anyone',
  holdGuestComments: false,
  holdFor: 'nobody',
  holdLinkCount: 0,
  moderationWords: [],
  blockWords: [],
  commentsPerPage: 500,
};

/** Same wait as the fixtures': the page cache notices database changes by polling every 100 ms. */
const cacheNotices = () => new Promise<void>((resolve) => setTimeout(resolve, 350));

const test = journeys.extend<{ removeWrittenComments: void }>({
  // Hundreds of comments would push every later journey's comment off the thread's first page:
  // whatever a test here wrote is removed afterwards, and the thread's counters with it.
  removeWrittenComments: [
    async ({ db }, provide) => {
      const lastBefore = (await db.comment.aggregate({ _max: { id: true } }))._max.id ?? 0;
      await provide();
      const written = await db.comment.findMany({
        where: { id: { gt: lastBefore } },
        select: { id: true, postId: true, parentId: true, status: true, publishedReplies: true, deletedFrom: true },
      });
      if (written.length === 0) return;
      for (const postId of new Set(written.map((comment) => comment.postId))) {
        const comments = written.filter((comment) => comment.postId === postId);
        const published = comments.filter((comment) => comment.status === 'published').length;
        const places = comments.filter(
          (comment) => comment.parentId === null && holdsPlace(comment.status, comment.publishedReplies, comment.deletedFrom),
        ).length;
        await db.$transaction([
          // Replies before what they reply to: the parent relation refuses orphans.
          db.comment.deleteMany({
            where: { id: { in: comments.filter((c) => c.parentId !== null).map((c) => c.id) } },
          }),
          db.comment.deleteMany({
            where: { id: { in: comments.filter((c) => c.parentId === null).map((c) => c.id) } },
          }),
          db.postThread.updateMany({
            where: { postId },
            data: {
              publishedCount: { decrement: published },
              topLevelCount: { decrement: places },
              version: { increment: 1 },
            },
          }),
        ]);
      }
      await cacheNotices();
    },
    { auto: true },
  ],
});

test.use({ commentRules: OPEN_THREAD });

// ---------------------------------------------------------------------------------------------
// Posting

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    results.push(...(await Promise.all(items.slice(start, start + BATCH).map(run))));
  }
  return results;
}

/** Why the blog must refuse `text` in a field, or null when it must take it. */
function refusal(text: string, field: 'body' | 'name'): string | null {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (value === '') return 'empty';
  if (value.length > LIMITS[field]) return `longer than ${LIMITS[field]}`;
  if (CONTROL_CHARACTERS.test(value)) return 'control characters';
  // A name is one visible line: no line breaks or tabs, no marks that turn text around, not only invisible characters.
  if (field === 'name' && /\p{Cc}/u.test(value)) return 'line breaks or tabs in a name';
  if (field === 'name' && /[\u202a-\u202e\u2066-\u2069]/.test(value)) return 'marks that change the direction of text';
  if (field === 'name' && !/[^\p{Z}\p{C}]/u.test(value)) return 'nothing visible';
  // A comment is something to read: not only spaces and characters that take no room.
  if (field === 'body' && !/[^\p{Z}\p{Cc}\p{Cf}\s]/u.test(value)) return 'nothing visible';
  // Deep nesting costs the Markdown renderer dearly: no line may open more than 20 quotes.
  if (field === 'body' && /^ {0,3}>{21,}/m.test(value)) return 'quotes nested more than 20 deep';
  return null;
}

/**
 * A refusal must be a 400 naming the field at fault; anything else (a 500 above all) fails. A
 * published answer returns the comment, which must be published at once under OPEN_THREAD.
 */
async function expectAnswer(
  response: APIResponse,
  what: string,
  expected: { refusedField: string | null },
): Promise<ApiComment | null> {
  const text = await response.text();
  if (expected.refusedField !== null) {
    expect(response.status(), `${what}: refused as a client error (${text})`).toBe(400);
    expect(
      Object.keys((JSON.parse(text) as { errors: object }).errors),
      `${what}: the refusal names the field`,
    ).toContain(expected.refusedField);
    return null;
  }
  expect(response.status(), `${what}: published (${text})`).toBe(201);
  const { comment } = JSON.parse(text) as { comment: ApiComment };
  expect(comment.status, what).toBe('published');
  return comment;
}

// ---------------------------------------------------------------------------------------------
// Watching the browser

interface ExecutionWatch {
  /** Nothing ran or loaded: no dialog, no marker request, no `window.__pwned`, no console or CSP error. */
  expectNothingRan(page: Page): Promise<void>;
}

async function watchForExecution(page: Page): Promise<ExecutionWatch> {
  const dialogs: string[] = [];
  const markerRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes(PWNED_PATH) || new URL(url).hostname.endsWith('pwned.example')) markerRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  // What the blog's CSP blocks (a script or frame from elsewhere) counts too. It does not block inline
  // handlers ('unsafe-inline' serves Next's bootstrap), so for those the sanitizer is the only guard.
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`),
    );
  });
  return {
    async expectNothingRan(target) {
      const seen = await target.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        violations: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      }));
      // Soft: a failure lists every sign at once.
      expect.soft(dialogs, 'dialogs opened by the page').toEqual([]);
      expect.soft(markerRequests, `requests for ${PWNED_PATH} or pwned.example`).toEqual([]);
      expect.soft(seen.pwned, 'window.__pwned').toBeUndefined();
      expect.soft(seen.violations, 'Content-Security-Policy violations').toEqual([]);
      expect.soft(consoleErrors, 'console errors').toEqual([]);
    },
  };
}

/**
 * What the post page's comment list may contain, from the app's own markup: the sanitizer's output
 * in `.comment-body` (lib/comments/render.ts) and the card around it (components/comments/comment-item.tsx).
 */
const BODY_MARKUP: Record<string, string[]> = {
  p: [],
  br: [],
  em: [],
  strong: [],
  del: [],
  a: ['href', 'rel'],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
};
const CARD_MARKUP: Record<string, string[]> = {
  ol: ['class'],
  li: ['class', 'id'],
  // tabindex="-1": a card the reader's own comment just gave the focus (focus-after-send.tsx).
  article: ['class', 'aria-labelledby', 'tabindex'],
  header: ['class'],
  span: ['class', 'id', 'aria-hidden', 'style'],
  a: ['class', 'href', 'rel'],
  time: ['datetime'],
  p: ['class'],
  div: ['class'],
};
const LINK_REL = 'nofollow ugc noopener';

/** Every way the comment list breaks the rules above, as readable lines (none: `[]`). */
function auditCommentList(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ bodyMarkup, cardMarkup, linkRel }) => {
      const problems: string[] = [];
      const section = document.querySelector('#comments');
      const list = section?.querySelector(':scope > ol.comment-list');
      if (!section || !list) return ['the post page shows no comment list'];
      const where = (element: Element) => element.closest('li.comment')?.id ?? 'the list';
      const describe = (element: Element) => `<${element.localName}> in ${where(element)}`;

      for (const element of [list, ...list.querySelectorAll('*')]) {
        const inBody = element.closest('.comment-body') !== null && !element.classList.contains('comment-body');
        const allowed = (inBody ? bodyMarkup : cardMarkup)[element.localName];
        if (!allowed) {
          problems.push(`${describe(element)} is not allowed ${inBody ? 'in a comment body' : 'around comments'}`);
          continue;
        }
        for (const attribute of element.getAttributeNames()) {
          if (!allowed.includes(attribute)) problems.push(`${describe(element)} has attribute ${attribute}`);
        }
        const tabindex = element.getAttribute('tabindex');
        if (tabindex !== null && tabindex !== '-1') problems.push(`${describe(element)} has tabindex="${tabindex}"`);
        const style = element.getAttribute('style');
        if (style !== null && !(element.classList.contains('avatar') && /^--avatar-hue:\s*\d{1,3};?$/.test(style))) {
          problems.push(`${describe(element)} has style="${style}"`);
        }
        if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) {
          const raw = (element.getAttribute('href') ?? '').replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
          if (/^(javascript|data|vbscript):/.test(raw) || !['http:', 'https:', 'mailto:'].includes(element.protocol)) {
            problems.push(`${describe(element)} links to ${element.getAttribute('href')}`);
          }
          const outside = inBody || element.closest('.comment-author') !== null;
          if (outside && element.getAttribute('rel') !== linkRel) {
            problems.push(`${describe(element)} has rel="${element.getAttribute('rel')}"`);
          }
        }
      }

      // Layout: every comment, and everything in it, stays within the comment section.
      const box = section.getBoundingClientRect();
      // What sits in a box the reader can scroll (a code block) may be wider than the section.
      const scrolls = (element: Element) =>
        ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) && element.closest('.comment-body') !== null;
      for (const element of list.querySelectorAll('li.comment, li.comment *')) {
        let ancestor = element.parentElement;
        while (ancestor && ancestor !== list && !scrolls(ancestor)) ancestor = ancestor.parentElement;
        if (ancestor && ancestor !== list) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.left < box.left - 1 || rect.right > box.right + 1) {
          problems.push(
            `${describe(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)}px, outside the section's ${Math.round(box.left)}–${Math.round(box.right)}px`,
          );
        }
      }
      for (const element of list.querySelectorAll('.comment-card, .comment-header, .comment-body')) {
        if (element.scrollWidth > element.clientWidth + 1) {
          problems.push(
            `${describe(element)}.${element.className} overflows by ${element.scrollWidth - element.clientWidth}px`,
          );
        }
      }
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1)
        problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);

      // A name's direction override must not reverse the time written after it.
      for (const time of list.querySelectorAll('.comment-permalink time')) {
        const text = time.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE || (text.textContent ?? '').length < 2) continue;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(text, text.textContent!.length - 1);
        range.setEnd(text, text.textContent!.length);
        const last = range.getBoundingClientRect().left;
        if (first > last) problems.push(`the time in ${where(time)} reads right to left: "${time.textContent}"`);
      }
      return problems;
    },
    { bodyMarkup: BODY_MARKUP, cardMarkup: CARD_MARKUP, linkRel: LINK_REL },
  );
}

/** Ids among `ids` with no `li#c{id}` on the page. */
function missingComments(page: Page, ids: number[]): Promise<number[]> {
  return page.evaluate((wanted) => wanted.filter((id) => !document.getElementById(`c${id}`)), ids);
}

/** Comments whose author line is not exactly the stored name, character for character, as plain text. */
function authorsNotShownAsTyped(
  page: Page,
  entries: { id: number; name: string; payload: Payload }[],
): Promise<string[]> {
  return page.evaluate(
    (wanted) =>
      wanted.flatMap(({ id, name, label }) => {
        const author = document.querySelector(`li#c${id} > article .comment-author`);
        if (!author) return [`${label}: no author line`];
        if (author.textContent !== name) return [`${label}: shows ${JSON.stringify(author.textContent)}`];
        const markup = author.querySelector('*:not(a)');
        return markup ? [`${label}: contains <${markup.localName}>`] : [];
      }),
    entries.map(({ id, name, payload }) => ({ id, name, label: `name "${payload.name}"` })),
  );
}

/**
 * Opens the post as a new signed-out reader with JavaScript and checks everything a comment could
 * break; `more` checks more on the same page before it closes.
 */
async function expectInertThread(
  browser: Browser,
  published: number[],
  more: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const watch = await watchForExecution(page);
    await openPost(page);
    await pauseLiveUpdates(page);
    await page.waitForLoadState('networkidle');
    expect(await missingComments(page, published), 'published comments missing from the page').toEqual([]);
    expect(await auditCommentList(page), 'the comment list on a desktop screen').toEqual([]);
    await more(page);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await auditCommentList(page), 'the comment list on a phone screen').toEqual([]);
    await watch.expectNothingRan(page);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The journeys

test.describe('payload corpus through the API', () => {
  test.describe.configure({ timeout: 300_000 });

  test(`${payloads.length} payloads as comment bodies through the API are stored inert or refused by name`, async ({
    accounts,
    browser,
  }) => {
    // The corpus is ours and must stay broad: at least 150 cases, each with its own name.
    expect(payloads.length).toBeGreaterThanOrEqual(150);
    expect(new Set(payloads.map((payload) => payload.name)).size).toBe(payloads.length);
    const reader = await accounts.create('payloads');
    const api = await accounts.apiAs(reader);
    const published = await inBatches(payloads, async (payload) => {
      const reason = refusal(payload.text, 'body');
      const comment = await expectAnswer(await sendComment(api, { body: payload.text }), `body "${payload.name}"`, {
        refusedField: reason === null ? null : 'body',
      });
      if (comment) {
        expect(comment.html, `body "${payload.name}": stored HTML`).not.toMatch(
          /<(script|iframe|svg|math|img|style)\b/i,
        );
      }
      return comment?.id;
    });
    const ids = published.filter((id) => id !== undefined);
    expect(ids.length, 'most of the corpus is publishable').toBeGreaterThan(payloads.length * 0.9);
    await expectInertThread(browser, ids);
  });

  test('hostile display names are refused by name or shown as plain text', async ({ accounts, browser }) => {
    // Accounts cost two password hashes each: a sample here, since guest names (below) take every
    // case through the same author line.
    const names = payloads.filter(
      (payload, index) => index % 6 === 0 || payload.family === 'bidi-invisible' || payload.name.includes('emoji'),
    );
    const written = await inBatches(names, async (payload) => {
      // One client per reader: it registers, signs in and comments in one go.
      const api = await accounts.anonymousApi();
      const fields = { ...newUserFields('hostile'), name: payload.text };
      const reason = refusal(payload.text, 'name');
      const response = await api.post('/api/users', { data: fields });
      const text = await response.text();
      if (reason !== null) {
        expect(response.status(), `name "${payload.name}" (${reason}): ${text}`).toBe(400);
        expect(Object.keys((JSON.parse(text) as { errors: object }).errors)).toContain('name');
        return null;
      }
      expect(response.status(), `name "${payload.name}": ${text}`).toBe(201);
      const account = JSON.parse(text) as { id: string; name: string };
      await signInWithApi(api, fields);
      const comment = await expectAnswer(
        await sendComment(api, { body: `Comment under the name case "${payload.name}"` }),
        `comment by "${payload.name}"`,
        { refusedField: null },
      );
      return { id: comment!.id, name: account.name, payload };
    });
    const shown = written.filter((entry) => entry !== null);
    expect(shown.length, 'most hostile names are accepted (and must then be harmless)').toBeGreaterThan(
      names.length / 2,
    );

    await expectInertThread(
      browser,
      shown.map((entry) => entry.id),
      async (page) => expect(await authorsNotShownAsTyped(page, shown)).toEqual([]),
    );
  });

  test('hostile guest names and websites through the API are refused by name or shown inert', async ({
    accounts,
    browser,
  }) => {
    const guest = await accounts.anonymousApi();
    const byName = await inBatches(payloads, async (payload) => {
      const reason = refusal(payload.text, 'name');
      const comment = await expectAnswer(
        await sendComment(guest, { name: payload.text, body: `Guest comment, name case "${payload.name}"` }),
        `guest name "${payload.name}"`,
        { refusedField: reason === null ? null : 'name' },
      );
      return comment && { id: comment.id, name: comment.authorName, payload };
    });
    const byWebsite = await inBatches(guestWebsites, async (website) => {
      const response = await sendComment(guest, {
        name: 'Guest with a website',
        website: website.text,
        body: `Guest comment, website case "${website.name}"`,
      });
      // Which addresses pass is the blog's call; a refusal must name the field, and never be a 500.
      const status = response.status();
      expect([201, 400], `website "${website.name}": ${await response.text()}`).toContain(status);
      return expectAnswer(response, `website "${website.name}"`, { refusedField: status === 201 ? null : 'website' });
    });
    const named = byName.filter((entry) => entry !== null);
    const linked = byWebsite.filter((comment) => comment !== null);
    expect(linked.length, 'some websites are accepted, and their links must be safe').toBeGreaterThan(5);
    for (const refused of ['javascript: address', 'data: page', 'vbscript: address', 'javascript: with a tab inside']) {
      const index = guestWebsites.findIndex((website) => website.name === refused);
      expect(byWebsite[index], `website "${refused}" is refused`).toBeNull();
    }

    await expectInertThread(
      browser,
      [...named.map((entry) => entry.id), ...linked.map((comment) => comment.id)],
      async (page) => {
        expect(await authorsNotShownAsTyped(page, named)).toEqual([]);
        for (const comment of linked) {
          await expect(commentById(page, comment.id).locator('.comment-author a')).toHaveAttribute(
            'href',
            /^\s*https?:/i,
          );
        }
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Through the form

/** A sample across the families, for the slower road through the real form. */
const FORM_SAMPLE = [
  'script tag',
  'img onerror',
  'handler on an allowed link',
  'Markdown link to javascript:',
  'reference link to javascript:',
  'Markdown link to a data: page',
  'svg onload',
  'MathML link',
  'hex entities spelling javascript: in href',
  'mixed-case img onerror',
  'closing the card to cover the page',
  'image that would request a marker',
  'fixed overlay covering the page',
  '5,000 letters without a break',
  'right-to-left override never closed',
].map((name) => {
  const payload = payloads.find((candidate) => candidate.name === name);
  if (!payload) throw new Error(`no payload named "${name}"`);
  return payload;
});

const FORM_NAMES = payloads.filter((payload) => refusal(payload.text, 'name') === null);
const FORM_WEBSITES = [
  'https with a quote and handler',
  'https with javascript as the user',
  'https with a right-to-left override',
];

function formCase(index: number): { body: Payload; name: string; website: string } {
  const website = guestWebsites.find((candidate) => candidate.name === FORM_WEBSITES[index % FORM_WEBSITES.length])!;
  return { body: FORM_SAMPLE[index]!, name: FORM_NAMES[(index * 7) % FORM_NAMES.length]!.text, website: website.text };
}

async function fillGuestForm(page: Page, fields: { body: string; name: string; website: string }): Promise<void> {
  const form = postCommentForm(page);
  await form.getByLabel('Name').fill(fields.name);
  await form.getByLabel('Website (optional)').fill(fields.website);
  await form.getByRole('textbox', { name: 'Your comment' }).fill(fields.body);
  await form.getByRole('button', { name: 'Publish' }).click();
}

function commentIds(page: Page): Promise<number[]> {
  return page.locator('#comments li.comment').evaluateAll((items) => items.map((item) => Number(item.id.slice(1))));
}

test.describe('payload corpus through the guest form', () => {
  test.describe.configure({ timeout: 180_000 });

  test(`${FORM_SAMPLE.length} payloads through the form with JavaScript publish in place and stay inert`, async ({
    page,
    browser,
  }) => {
    const watch = await watchForExecution(page);
    await openPost(page);
    await pauseLiveUpdates(page);
    const published: number[] = [];
    for (const [index, payload] of FORM_SAMPLE.entries()) {
      const before = new Set(await commentIds(page));
      await waitForEnhancedForm(postCommentForm(page));
      await fillGuestForm(page, { ...formCase(index), body: payload.text });
      await expect(postCommentForm(page).getByRole('status'), `form case "${payload.name}"`).toHaveText(
        'Your comment is published.',
      );
      await expect.poll(async () => (await commentIds(page)).filter((id) => !before.has(id))).toHaveLength(1);
      published.push(...(await commentIds(page)).filter((id) => !before.has(id)));
    }
    // The page that took every comment in place, and a fresh one.
    expect(await auditCommentList(page)).toEqual([]);
    await watch.expectNothingRan(page);
    await expectInertThread(browser, published);
  });

  // With JavaScript on, so a handler that did get into the page would run and be caught.
  test('a refused guest website comes back in the form as typed, and nothing runs', async ({ page }) => {
    const watch = await watchForExecution(page);
    await openPost(page);
    await pauseLiveUpdates(page);
    const form = postCommentForm(page);
    await waitForEnhancedForm(form);
    const typed = {
      body: uniqueText('Refused website'),
      name: '"><img src=x onerror=alert(1)>',
      website: 'javascript:alert(1)//"><svg onload=alert(1)>',
    };
    // Marks this page, so its still being there afterwards shows the answer came in place.
    await page.evaluate(() => Object.assign(window, { __beforeSubmit: true }));
    await fillGuestForm(page, typed);
    await expect(form.getByLabel('Website (optional)')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Website (optional)')).toHaveValue(typed.website);
    await expect(form.getByLabel('Name')).toHaveValue(typed.name);
    await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(typed.body);
    await expect(page.locator('#comments img, #comments svg')).toHaveCount(0);
    expect(await page.evaluate(() => '__beforeSubmit' in window), 'answered in place, not by a page load').toBe(true);
    await watch.expectNothingRan(page);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test(`${FORM_SAMPLE.length} payloads through the plain form land on the new comment and stay inert`, async ({
      page,
      browser,
    }) => {
      const watch = await watchForExecution(page);
      const published: number[] = [];
      for (const [index, payload] of FORM_SAMPLE.entries()) {
        await openPost(page);
        await fillGuestForm(page, { ...formCase(index), body: payload.text });
        await expect(page, `form case "${payload.name}"`).toHaveURL(/#c\d+$/);
        published.push(Number(/#c(\d+)$/.exec(page.url())![1]));
      }
      expect(await auditCommentList(page)).toEqual([]);
      await watch.expectNothingRan(page);
      await expectInertThread(browser, published);
    });
  });
});
