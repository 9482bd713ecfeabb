// The journeys' `test`: Playwright's, plus the project's database (for blog settings a reader
// cannot change), throwaway accounts, and signed-in API clients. Every change to the shared
// database made through these fixtures is undone when the test ends, pass or fail.
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { CommentSettings } from '@/lib/comments/settings';
import type { Db } from '@/lib/db';
import { registerUser, signInWithApi, type TestUser } from './api';

const SETTINGS_KEY = 'comments';

/**
 * After a write straight to the database: the servers' page cache for signed-out readers notices
 * such changes by polling (PAGE_CACHE_POLL_MS=100 in playwright.config.ts), so give it a few polls
 * before the next page load, or a signed-out reader may still get the page from before.
 */
const CACHE_NOTICES_MS = 350;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, CACHE_NOTICES_MS));

export interface CommentSettingsOverride {
  /** Stored over whatever the blog has now (validated like the app does); restored after the test. */
  set(changes: Partial<CommentSettings>): Promise<void>;
}

export interface ThreadOverride {
  /** Closes a post's thread the way an admin does (PostThread.closed); reopened after the test. */
  close(postId: string): Promise<void>;
}

export interface Accounts {
  /** A new reader account, registered through `POST /api/users`. */
  create(label?: string): Promise<TestUser>;
  /** A fresh API client (cookies of its own) signed in as `user`. */
  apiAs(user: TestUser): Promise<APIRequestContext>;
  /** A fresh API client with no session. */
  anonymousApi(): Promise<APIRequestContext>;
}

interface WorkerFixtures {
  /** This project's database, from playwright.config.ts (`use.databaseUrl`). */
  databaseUrl: string;
  db: Db;
}

interface TestFixtures {
  commentSettings: CommentSettingsOverride;
  threads: ThreadOverride;
  accounts: Accounts;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  databaseUrl: ['', { option: true, scope: 'worker' }],

  db: [
    async ({ databaseUrl }, provide) => {
      if (!databaseUrl)
        throw new Error('This journey changes blog settings in the database; the project sets no databaseUrl.');
      // Loaded only when a test asks for the database: most journeys never do.
      const { createDb } = await import('@/lib/db');
      const db = createDb(databaseUrl);
      await provide(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],

  commentSettings: async ({ db }, provide) => {
    let original: { value: string } | null | undefined;
    await provide({
      async set(changes) {
        const { commentSettingsSchema } = await import('@/lib/comments/settings');
        const row = await db.setting.findUnique({ where: { key: SETTINGS_KEY } });
        if (original === undefined) original = row ? { value: row.value } : null;
        const current = row ? (JSON.parse(row.value) as object) : {};
        const next = JSON.stringify(commentSettingsSchema.partial().parse({ ...current, ...changes }));
        await db.setting.upsert({
          where: { key: SETTINGS_KEY },
          update: { value: next },
          create: { key: SETTINGS_KEY, value: next },
        });
        await settle();
      },
    });
    if (original === undefined) return;
    if (original === null) await db.setting.deleteMany({ where: { key: SETTINGS_KEY } });
    else await db.setting.update({ where: { key: SETTINGS_KEY }, data: { value: original.value } });
    await settle();
  },

  threads: async ({ db }, provide) => {
    const reopen = new Map<string, boolean>();
    await provide({
      async close(postId) {
        const row = await db.postThread.findUnique({ where: { postId }, select: { closed: true } });
        if (!reopen.has(postId)) reopen.set(postId, row?.closed ?? false);
        await db.postThread.upsert({
          where: { postId },
          create: { postId, closed: true },
          update: { closed: true },
          select: { postId: true },
        });
        await settle();
      },
    });
    for (const [postId, closed] of reopen) {
      await db.postThread.update({ where: { postId }, data: { closed }, select: { postId: true } });
    }
    if (reopen.size > 0) await settle();
  },

  accounts: async ({ playwright, baseURL, request }, provide) => {
    const opened: APIRequestContext[] = [];
    const open = async () => {
      const context = await playwright.request.newContext({ baseURL });
      opened.push(context);
      return context;
    };
    await provide({
      create: (label) => registerUser(request, label),
      async apiAs(user) {
        const context = await open();
        await signInWithApi(context, user);
        return context;
      },
      anonymousApi: open,
    });
    await Promise.all(opened.map((context) => context.dispose()));
  },
});

export { expect };
