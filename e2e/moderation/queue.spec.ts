// Journey: comments that wait for an admin, and the admin working through them in the console —
// one at a time, in bulk, with and without JavaScript — while readers' open pages follow along.
import { postComment, postComments, sendComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { commentByText, openPost, postCommentForm, waitForEnhancedForm } from '../support/post-page';
import { expect, logRows, queueRow, queueRowId, queueStatus, test, waitForEnhancedQueue } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

type MarkedWindow = Window & { quireQueueMarker?: string };

test('a first comment waits; the admin approves it from the queue and open pages show it without a reload', async ({
  admin,
  accounts,
  browse,
  commentSettings,
  db,
}) => {
  await commentSettings.set({ holdFor: 'first-time' });
  const author = await accounts.create('newcomer');
  const [authorPage, visitorPage] = await Promise.all([browse(author), browse(null)]);

  // The newcomer writes; the comment waits, and only its author sees it, marked as waiting.
  await openPost(authorPage);
  const form = postCommentForm(authorPage);
  await waitForEnhancedForm(form);
  const text = uniqueText('Hello, first time here');
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(form.getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
  await expect(commentByText(authorPage, text)).toContainText('Your comment is awaiting moderation.');

  await openPost(visitorPage);
  await expect(visitorPage.locator('#comments')).not.toContainText(text);

  // The admin sees who wrote it and why it waits.
  const { page } = admin;
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation queue');
  const headerCount = page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: /^Admin \(\d+\)$/ });
  const pendingTab = page
    .getByRole('navigation', { name: 'Comments by status' })
    .getByRole('link', { name: /^Pending \(\d+\)$/ });
  await expect(pendingTab).toHaveAttribute('aria-current', 'page');
  // Both counts are the number of comments waiting (asked again if another test moved it meanwhile).
  await expect
    .poll(async () => {
      await page.goto('/admin');
      const waiting = await db.comment.count({ where: { status: 'pending' } });
      return [await headerCount.textContent(), await pendingTab.textContent()].map(
        (label) => Number(label?.match(/\((\d+)\)/)?.[1]) - waiting,
      );
    })
    .toEqual([0, 0]);
  const row = queueRow(page, text);
  await expect(row).toContainText(author.name);
  await expect(row).toContainText(author.email);
  await expect(row).toContainText(/joined (just now|\d+ minutes? ago)/);
  await expect(row).toContainText('0 published comments');
  await expect(row.locator('.held-reason')).toHaveText('Reason: first comment');
  const id = await queueRowId(row);
  await expect(row.getByRole('link', { name: SEED_POST.title })).toHaveAttribute('href', `/comments/${id}`);

  await waitForEnhancedQueue(page);
  await page.evaluate(() => {
    (window as MarkedWindow).quireQueueMarker = 'same document';
  });
  await row.getByRole('button', { name: `Approve comment ${id} by ${author.name}` }).click();
  await expect(queueStatus(page)).toHaveText('Approved 1 comment.');
  await expect(page.locator(`li#q${id}`)).toHaveCount(0);
  // Answered in place: no page load (the document and its marker are the same), no ?done= redirect.
  expect(await page.evaluate(() => (window as MarkedWindow).quireQueueMarker)).toBe('same document');
  expect(new URL(page.url()).searchParams.has('done')).toBe(false);

  // The visitor's page, open all along, catches up by itself (it checks every 3 s; a change shows within 5 s).
  await expect(commentByText(visitorPage, text)).toBeVisible({ timeout: 5_000 });
  await expect(authorPage.locator(`li#c${id}`)).not.toContainText('awaiting moderation', { timeout: 5_000 });
  // Nothing on the author's page still says it waits: the form's receipt says what happened when they sent it.
  await expect(authorPage.locator('#comments')).not.toContainText('awaiting moderation');
  await expect(form.getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');

  // And the log says who did it.
  await page.goto(`/admin/log?comment=${id}`);
  await expect(logRows(page)).toHaveCount(1);
  await expect(logRows(page).first()).toContainText(admin.user.name);
  await expect(logRows(page).first()).toContainText('approve');
  await expect(logRows(page).first()).toContainText('pending → published');
});

test('spam, delete and restore move a comment between the tabs, each step logged', async ({
  admin,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const writer = await accounts.create('writer');
  const text = uniqueText('An ordinary published remark');
  const comment = await postComment(await accounts.apiAs(writer), text);
  const { page } = admin;

  const act = async (tab: string, button: string, message: string) => {
    await page.goto(`/admin?status=${tab}`);
    await waitForEnhancedQueue(page);
    const row = queueRow(page, text);
    const neighbour = await row.evaluate(
      (item) => (item.nextElementSibling ?? item.previousElementSibling)?.id || null,
    );
    await row.getByRole('button', { name: `${button} comment ${comment.id} by ${writer.name}` }).click();
    await expect(queueStatus(page)).toHaveText(message);
    await expect(page.locator(`li#q${comment.id}`)).toHaveCount(0);
    // The row went with the focus; it moves on to the next row's first button or link (the previous
    // row's at the end of the list), or to the result when no row is left, never back to the page's top.
    await expect(
      neighbour ? page.locator(`li#${neighbour} .queue-row-actions :is(button, a[href])`).first() : queueStatus(page),
    ).toBeFocused();
  };
  const published = async () => {
    const response = await page.request.get(`/api/posts/${SEED_POST.id}/comments?limit=200`);
    const body = (await response.json()) as { comments: { id: number }[] };
    return body.comments.some((c) => c.id === comment.id);
  };

  await act('published', 'Spam', 'Marked as spam: 1 comment.');
  expect(await published()).toBe(false);
  await page.goto('/admin?status=spam');
  await expect(queueRow(page, text)).toBeVisible();
  await act('spam', 'Restore', 'Restored 1 comment.');
  expect(await published()).toBe(true);
  await act('published', 'Delete', 'Deleted 1 comment.');
  expect(await published()).toBe(false);
  await act('deleted', 'Restore', 'Restored 1 comment.');
  expect(await published()).toBe(true);

  await page.goto(`/admin/log?comment=${comment.id}`);
  await expect(logRows(page).locator('td:nth-child(3)')).toHaveText(['restore', 'delete', 'restore', 'spam']);
  await expect(logRows(page).first()).toContainText('deleted → published');
  await expect(logRows(page).last()).toContainText('published → spam');

  // Typed as the blog writes it, the id still filters; typed wrong, the box says so and keeps it.
  await page.goto(`/admin/log?comment=c${comment.id}`);
  await expect(logRows(page)).toHaveCount(4);
  const box = page.getByRole('form', { name: 'Filter the log' }).locator('input[name="comment"]');
  await box.fill('forty-two');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(box).toHaveValue('forty-two');
  await expect(box).toHaveAccessibleDescription('Comment id: enter a number, like 42.');
  await expect(logRows(page)).toHaveCount(0);
});

test('Restore brings a comment removed while it awaited moderation back to Pending, not to readers, with and without JavaScript', async ({
  admin,
  browse,
  heldComment,
  db,
}) => {
  const deleted = await heldComment('deleted-while-held', 'Held, then deleted by a slip of the hand');
  const spammed = await heldComment('spammed-while-held', 'Held, then marked as spam by a slip of the hand');
  expect((await admin.api.post(`/api/admin/comments/${deleted.id}/delete?from=pending`)).status()).toBe(200);
  expect((await admin.api.post(`/api/admin/comments/${spammed.id}/spam?from=pending`)).status()).toBe(200);
  const backInPending =
    'Restored 1 comment. It was awaiting moderation when removed, so it is back in Pending: approve it to publish it.';

  // With JavaScript, answered in place; without, on the page the form sends the admin back to.
  const withScript = admin.page;
  await withScript.goto('/admin?status=deleted');
  await waitForEnhancedQueue(withScript);
  await queueRow(withScript, deleted.text)
    .getByRole('button', { name: `Restore comment ${deleted.id} by ${deleted.writer.name}` })
    .click();
  await expect(queueStatus(withScript)).toHaveText(backInPending);
  const withoutScript = await browse(admin.user, { javaScriptEnabled: false });
  await withoutScript.goto('/admin?status=spam');
  await queueRow(withoutScript, spammed.text)
    .getByRole('button', { name: `Restore comment ${spammed.id} by ${spammed.writer.name}` })
    .click();
  await expect(queueStatus(withoutScript)).toHaveText(backInPending);

  // Both wait in Pending again, still saying why they were held; readers see neither.
  for (const { id } of [deleted, spammed]) {
    expect(await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, heldReason: true } })).toEqual({
      status: 'pending',
      heldReason: 'first comment',
    });
  }
  await withoutScript.goto('/admin');
  for (const { text } of [deleted, spammed]) await expect(queueRow(withoutScript, text)).toContainText('first comment');
  const readers = await (await browse(null)).request.get(`/api/posts/${SEED_POST.id}/comments?limit=200`);
  const shown = ((await readers.json()) as { comments: { id: number }[] }).comments.map((comment) => comment.id);
  expect(shown).not.toContain(deleted.id);
  expect(shown).not.toContain(spammed.id);

  await withoutScript.goto(`/admin/log?comment=${spammed.id}`);
  await expect(logRows(withoutScript).first()).toContainText('spam → pending');

  // The admin API says so too.
  expect((await admin.api.post(`/api/admin/comments/${deleted.id}/delete?from=pending`)).status()).toBe(200);
  const restored = await admin.api.post(`/api/admin/comments/${deleted.id}/restore?from=deleted`);
  expect(await restored.json()).toEqual({ changed: [deleted.id], backInQueue: [deleted.id] });
});

test('a long comment in Spam is read whole in its row, line breaks and all, with and without JavaScript', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  // Spam is not drawn on its post, so its row is the only place an admin reads past the first line.
  await commentSettings.set({ holdFor: 'nobody' });
  const writer = await accounts.create('rambler');
  const opening = uniqueText('A long remark that reads well at first');
  const ending = 'Buy cheap watches at watches.example today.';
  const body = `${opening}\n\n${'It goes on about the pipeline and the summit. '.repeat(8)}\n\n${ending}`;
  const comment = await postComment(await accounts.apiAs(writer), body);
  const spam = await admin.api.post(`/api/admin/comments/${comment.id}/spam?from=published`);
  expect(spam.ok(), await spam.text()).toBe(true);

  for (const page of [admin.page, await browse(admin.user, { javaScriptEnabled: false })]) {
    await page.goto('/admin?status=spam');
    const row = queueRow(page, opening);
    // The row's line stops short of the end; a disclosure holds the rest, closed until asked for.
    await expect(row.locator('.queue-excerpt')).not.toContainText(ending);
    const whole = row.getByRole('group');
    await expect(whole.getByText(ending)).toBeHidden();
    await row.getByText('Read the whole comment').click();
    await expect(whole.getByText(ending)).toBeVisible();
    // Open, the whole text takes the excerpt's place, so its opening is not read twice.
    await expect(row.locator('.queue-excerpt')).toBeHidden();
    // As its author wrote it: the paragraphs keep their own lines.
    expect(await whole.locator('p').evaluate((text) => (text as HTMLElement).innerText)).toBe(body);
  }
});

test('without JavaScript, an admin signed out in another tab who presses Approve is sent to sign in and back to the queue, and nothing moved', async ({
  admin,
  browse,
  heldComment,
  db,
}) => {
  const { id, writer } = await heldComment('waiting', 'Held while the admin signs out elsewhere');
  const page = await browse(admin.user, { javaScriptEnabled: false });
  await page.goto('/admin?status=pending');
  const approve = page.locator(`li#q${id}`).getByRole('button', { name: `Approve comment ${id} by ${writer.name}` });
  await expect(approve).toBeVisible();

  const otherTab = await page.context().newPage();
  await otherTab.goto('/admin');
  await otherTab.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(
    otherTab.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
  ).toBeVisible();

  await approve.click();
  await expect(page).toHaveURL(
    (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === '/admin?status=pending',
  );
  await expect(page.locator('body')).not.toContainText('Server Action');
  expect((await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('pending');

  await page.getByLabel('Email').fill(admin.user.email);
  await page.getByLabel('Password').fill(admin.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/admin' && url.searchParams.get('status') === 'pending');
  await expect(page.locator(`li#q${id}`)).toBeVisible();
});

test('three held comments are approved at once; "Select all" ticks every row', async ({
  admin,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'everyone' });
  const writer = await accounts.create('prolific');
  const api = await accounts.apiAs(writer);
  const texts = [uniqueText('Bulk one'), uniqueText('Bulk two'), uniqueText('Bulk three')];
  for (const body of texts) expect((await sendComment(api, { body })).status()).toBe(202);

  const { page } = admin;
  await page.goto('/admin');
  await waitForEnhancedQueue(page);
  const boxes = page.locator('li.queue-row input[name="ids"]');
  // The three just sent, at least: a loop over no boxes would check nothing.
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await page.getByRole('checkbox', { name: 'Select all' }).uncheck();
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();

  const ids: number[] = [];
  for (const text of texts) {
    const row = queueRow(page, text);
    ids.push(await queueRowId(row));
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(queueStatus(page)).toHaveText('Approved 3 comments.');
  for (const id of ids) await expect(page.locator(`li#q${id}`)).toHaveCount(0);

  await page.goto(`/admin?status=published`);
  for (const text of texts) await expect(queueRow(page, text)).toBeVisible();
  await page.goto('/admin/log');
  for (const id of ids) await expect(logRows(page).filter({ hasText: `comment #${id}` })).toContainText('approve');
});

test('without JavaScript the queue is a plain form: approving lands back on the tab with the result', async ({
  admin,
  browse,
  heldComment,
}) => {
  const { writer, text } = await heldComment('nojs', 'Held, approved by a browser without scripts');

  const page = await browse(admin.user, { javaScriptEnabled: false });
  await page.goto('/admin');
  // No script can tick the others, so "Select all" is a link that brings the page back ticked.
  await page.getByRole('link', { name: 'Select all' }).click();
  await expect(page).toHaveURL(/select=all/);
  const boxes = page.locator('li.queue-row input[name="ids"]');
  await expect(queueRow(page, text)).toBeVisible();
  expect(await boxes.count()).toBeGreaterThan(0);
  for (const box of await boxes.all()) await expect(box).toBeChecked();

  const id = await queueRowId(queueRow(page, text));
  // From a later page of the tab (the one starting just below the comment), the form comes back to that page.
  const cursor = String(id + 1);
  await page.goto(`/admin?cursor=${cursor}`);
  const row = queueRow(page, text);
  await row.getByRole('button', { name: `Approve comment ${id} by ${writer.name}` }).click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === '/admin' &&
      url.searchParams.get('done') === 'approve' &&
      url.searchParams.get('cursor') === cursor,
  );
  await expect(queueStatus(page)).toHaveText('Approved 1 comment.');
  await expect(page.locator(`li#q${id}`)).toHaveCount(0);

  await openPost(page);
  await expect(commentByText(page, text)).toBeVisible();
});

test('the queue’s link opens the page of the thread that holds the comment, for held and published ones alike', async ({
  admin,
  accounts,
  commentSettings,
  heldComment,
}) => {
  // Five conversations a page, and six before ours: whatever earlier tests left, ours are past page 1.
  await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
  const regular = await accounts.apiAs(await accounts.create('regular'));
  await postComments(regular, 6, 'Filler');
  const publishedText = uniqueText('Published, found from the queue');
  const published = await postComment(regular, publishedText);
  const held = await heldComment('latecomer', 'Held, found from the queue');
  const replier = await accounts.apiAs(await accounts.create('replier'));
  const reply = await sendComment(replier, { body: uniqueText('A held reply'), parentId: published.id });
  expect(reply.status(), await reply.text()).toBe(202);
  const { comment: heldReply } = (await reply.json()) as { comment: { id: number } };
  // Newer conversations after the held one: its author finds it among them, but an admin's post
  // page shows held conversations on the last page, so that is where the admin's link must go.
  await commentSettings.set({ holdFor: 'nobody' });
  await postComments(regular, 5, 'Filler');

  const { page } = admin;
  for (const [tab, id] of [
    ['published', published.id],
    ['pending', held.id],
    ['pending', heldReply.id],
  ] as const) {
    await page.goto(`/admin?status=${tab}`);
    const link = page.locator(`li#q${id}`).getByRole('link', { name: SEED_POST.title });
    await expect(link).toHaveAttribute('href', `/comments/${id}`);
    await link.click();
    await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path && url.hash === `#c${id}`);
    expect(Number(new URL(page.url()).searchParams.get('comments')), `comment ${id} is past page 1`).toBeGreaterThan(1);
    await expect(page.locator(`li#c${id}`)).toBeVisible();
  }
  await expect(page.locator(`li#c${published.id}`)).toContainText(publishedText);

  // An id no comment has is the blog's 404.
  expect((await page.request.get('/comments/999999999')).status()).toBe(404);
});

test('a held reply whose comment was marked as spam is still found, under a placeholder, by its author and from the queue', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const answered = await postComment(
    await accounts.apiAs(await accounts.create('answered')),
    uniqueText('Soon marked as spam'),
  );
  await commentSettings.set({ holdFor: 'first-time' });
  const replier = await accounts.create('stranded');
  const replyText = uniqueText('A held reply to what became spam');
  const sent = await sendComment(await accounts.apiAs(replier), { body: replyText, parentId: answered.id });
  expect(sent.status(), await sent.text()).toBe(202);
  const { comment: reply } = (await sent.json()) as { comment: { id: number } };
  // Nothing published under it, the spam takes its conversation's place away: no page draws it.
  expect((await admin.api.post(`/api/admin/comments/${answered.id}/spam?from=published`)).status()).toBe(200);

  // Its author's link to it, and the admin's from the queue, lead to a page that shows it.
  const authorPage = await browse(replier, { javaScriptEnabled: false });
  await authorPage.goto(`/comments/${reply.id}`);
  await expect(authorPage).toHaveURL((url) => url.pathname === SEED_POST.path && url.hash === `#c${reply.id}`);
  await expect(authorPage.locator(`li#c${reply.id}`)).toContainText(replyText);
  await expect(authorPage.locator(`li#c${reply.id}`)).toContainText('awaiting moderation');
  await expect(authorPage.locator(`li#c${answered.id}`)).toContainText('removed');
  const { page } = admin;
  await page.goto('/admin?status=pending');
  await page.locator(`li#q${reply.id}`).getByRole('link', { name: SEED_POST.title }).click();
  await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path && url.hash === `#c${reply.id}`);
  await expect(page.locator(`li#c${reply.id}`)).toContainText(replyText);
});

test('a flood of held comments leaves the queue in one press: every comment in the tab, up to the newest the page showed', async ({
  admin,
  db,
}) => {
  // More than a page of the queue, written straight into the database as a flood would arrive.
  const marker = uniqueText('Flood');
  const flood = (label: string | number) => ({
    postId: SEED_POST.id,
    body: `${marker} ${label}`,
    html: `<p>${marker} ${label}</p>`,
    status: 'pending',
    heldReason: 'a guest',
    guestName: 'Flooder',
  });
  await db.comment.createMany({ data: Array.from({ length: 60 }, (_, i) => flood(i)) });

  const { page } = admin;
  await page.goto('/admin?status=pending');
  await waitForEnhancedQueue(page);
  // The next page's address carries where this one's "every comment" stops, so it never reaches further.
  const newest = await queueRowId(page.locator('li.queue-row').first());
  await expect(page.getByRole('link', { name: 'Older comments »' })).toHaveAttribute(
    'href',
    new RegExp(`[?&]upTo=${newest}%40\\d+(&|$)`),
  );
  await page
    .getByRole('checkbox', { name: /^Every comment in this tab \([\d,]+\), not only the ticked ones$/ })
    .check();
  // One more arrives after the page was drawn: nobody has seen it, so it is not marked with the rest.
  const late = await db.comment.create({ data: flood('late'), select: { id: true } });
  await page.getByRole('button', { name: 'Spam selected' }).click();

  await expect(queueStatus(page)).toHaveText(/^Marked as spam: [\d,]+ comments\.$/);
  expect(await db.comment.count({ where: { body: { startsWith: marker }, status: 'spam' } })).toBe(60);
  expect((await db.comment.findUnique({ where: { id: late.id }, select: { status: true } }))?.status).toBe('pending');
  await expect(queueRow(page, `${marker} late`)).toBeVisible();
  await expect(page.locator('li.queue-row').filter({ hasText: `${marker} 1` })).toHaveCount(0);
});

test('without JavaScript, a whole tab larger than one step goes on from the button its answer offers', async ({
  admin,
  browse,
  db,
}) => {
  const marker = uniqueText('Wave');
  const wave = (label: string | number) => ({
    postId: SEED_POST.id,
    body: `${marker} ${label}`,
    html: `<p>${marker} ${label}</p>`,
    status: 'pending',
    heldReason: 'a guest',
    guestName: 'Waver',
  });
  // More than one step (500) of the tab.
  await db.comment.createMany({ data: Array.from({ length: 503 }, (_, i) => wave(i)) });

  const page = await browse(admin.user, { javaScriptEnabled: false });
  await page.goto('/admin');
  await page.getByRole('checkbox', { name: /^Every comment in this tab/ }).check();
  await page.getByRole('button', { name: 'Spam selected' }).click();
  await expect(queueStatus(page)).toHaveText(
    /^Marked as spam: 500 comments\. [\d,]+ more comments? (is|are) still in this tab\.$/,
  );
  // Arrived after the page was drawn: going on must not take it either.
  const late = await db.comment.create({ data: wave('late'), select: { id: true } });
  // The page came back fresh, its box unticked; the answer's own button goes on.
  await page.getByRole('button', { name: /^Spam the (next 500|remaining [\d,]+)$/ }).click();
  await expect(queueStatus(page)).toHaveText(/^Marked as spam: [\d,]+ comments?\./);
  expect(await db.comment.count({ where: { body: { startsWith: marker }, status: 'spam' } })).toBe(503);
  expect((await db.comment.findUnique({ where: { id: late.id }, select: { status: true } }))?.status).toBe('pending');
});

test('a later page of the queue emptied by the admin says comments still wait before it, with and without JavaScript', async ({
  admin,
  browse,
  db,
}) => {
  // The queue's pages go back by id: the page after id 1 is empty, as a later page is once the
  // admin has cleared it while newer comments (this one at least) still wait.
  const held = uniqueText('Held at the back');
  await db.comment.create({
    data: {
      postId: SEED_POST.id,
      body: held,
      html: `<p>${held}</p>`,
      status: 'pending',
      heldReason: 'a guest',
      guestName: 'Early',
    },
    select: { id: true },
  });
  for (const javaScriptEnabled of [true, false]) {
    const page = javaScriptEnabled ? admin.page : await browse(admin.user, { javaScriptEnabled: false });
    await page.goto('/admin?status=pending&cursor=1');
    const waiting = await db.comment.count({ where: { status: 'pending' } });
    await expect(page.getByRole('main')).not.toContainText('Nothing is waiting for moderation.');
    await expect(page.locator('.status-message')).toContainText(
      `No comments on this page now; ${waiting.toLocaleString('en-US')} comment${waiting === 1 ? ' is' : 's are'} still waiting for moderation, on the pages before it.`,
    );
    await page.locator('.status-message').getByRole('link', { name: 'Go to the newest' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/admin' && !url.searchParams.has('cursor'));
    await expect(queueRow(page, held)).toBeVisible();
  }
});
