// A post dated a little in the future is published by the clock alone: no comment moves, so the page
// cache's epoch stays where it was, and the cached home page must still let the post in once its
// time has come (within PAGE_CACHE_MAX_AGE), without a restart or a rebuild.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { keepLogs, say, startApp, type App } from './support/app';
import { tempDir } from './support/databases';

const PORT = Number(process.env.STRESS_PORT ?? 3300) + 5;
const MAX_AGE_SECONDS = 2;
/** Far enough ahead for the blog to start and serve its home page from the cache first. */
const DUE_IN_MS = 20_000;
const TITLE = 'Published by the clock';

test('a scheduled post reaches the cached home page once its time has come', async () => {
  test.setTimeout(120_000);
  const dir = tempDir('scheduled');
  const content = path.join(dir, 'content');
  mkdirSync(path.join(content, 'posts'), { recursive: true });
  copyFileSync(path.resolve('content/site.json'), path.join(content, 'site.json'));
  // Front matter takes whole seconds.
  const due = new Date(Math.ceil((Date.now() + DUE_IN_MS) / 1000) * 1000);
  writeFileSync(
    path.join(content, 'posts', 'published-by-the-clock.md'),
    `---\ntitle: ${TITLE}\ndate: ${due.toISOString().replace('.000Z', 'Z')}\n---\n\nWritten ahead of time; readers see it when its time comes.\n`,
  );
  writeFileSync(
    path.join(content, 'posts', 'already-out.md'),
    `---\ntitle: Already out\ndate: 2016-09-04\n---\n\nThe post that is there from the start.\n`,
  );

  let app: App | undefined;
  try {
    say(`starting a blog whose second post is due at ${due.toISOString()} (page cache max age ${MAX_AGE_SECONDS} s)`);
    app = await startApp({
      name: 'scheduled',
      port: PORT,
      databaseUrl: `file:${path.join(dir, 'quire.db')}`,
      logDir: dir,
      env: { CONTENT_DIR: content, PAGE_CACHE_MAX_AGE: String(MAX_AGE_SECONDS) },
    });
    const home = async () => {
      const response = await fetch(`${app!.url}/`);
      return { cache: response.headers.get('x-quire-cache'), html: await response.text() };
    };

    // Before its time: the home page is cached, without the post.
    await expect.poll(async () => (await home()).cache).toBe('hit');
    const before = await home();
    expect(Date.now(), 'the blog took too long to start for this test to see the post before its time').toBeLessThan(
      due.getTime() - 2_000,
    );
    expect(before.html).toContain('Already out');
    expect(before.html).not.toContain(TITLE);

    say('waiting for the post to come due; nothing is written meanwhile');
    await expect
      .poll(async () => (await home()).html.includes(TITLE), {
        timeout: DUE_IN_MS + (MAX_AGE_SECONDS + 5) * 1000,
        intervals: [250],
      })
      .toBe(true);
    const lateBy = Date.now() - due.getTime();
    say(`the post appeared ${lateBy} ms after its time`);
    expect(lateBy, 'shown within the page cache max age of its time').toBeLessThan((MAX_AGE_SECONDS + 2) * 1000);
  } finally {
    await app?.stop();
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});
