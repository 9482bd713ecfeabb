import process from 'node:process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, databaseProvider, getDb, type Db, type DbTransaction } from './index';
import type { DatabaseProvider } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

const providers: [DatabaseProvider, boolean][] = [
  ['sqlite', true],
  ['postgresql', Boolean(process.env.TEST_POSTGRES_URL)],
];

for (const [provider, enabled] of providers) {
  describe.skipIf(!enabled)(`createDb on ${provider}`, () => {
    let database: TestDatabase;
    let db: Db;

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      db = createDb(database.url);
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it('round-trips users, comments and thread counters', async () => {
      const user = await db.user.create({
        data: { email: `ada-${provider}@example.com`, name: 'Ada', passwordHash: 'hash' },
      });
      expect(user.role).toBe('reader');
      expect(user.createdAt).toBeInstanceOf(Date);

      const postId = `post-${provider}`;
      const top = await db.$transaction(async (tx: DbTransaction) => {
        const comment = await tx.comment.create({
          data: { postId, authorId: user.id, body: '*hi*', html: '<p><em>hi</em></p>' },
        });
        await tx.postThread.upsert({
          where: { postId },
          create: { postId, publishedCount: 1, version: 1 },
          update: { publishedCount: { increment: 1 }, version: { increment: 1 } },
        });
        return comment;
      });
      const reply = await db.comment.create({
        data: {
          postId,
          parentId: top.id,
          depth: 1,
          guestName: 'Guest',
          body: 'reply',
          html: '<p>reply</p>',
          status: 'pending',
        },
      });
      expect(typeof top.id).toBe('number');
      expect(reply.id).toBeGreaterThan(top.id);

      const loaded = await db.comment.findUniqueOrThrow({
        where: { id: top.id },
        include: { author: true, replies: true },
      });
      expect(loaded).toMatchObject({ body: '*hi*', status: 'published', depth: 0, author: { name: 'Ada' } });
      expect(loaded.replies.map((r) => r.id)).toEqual([reply.id]);
      expect(await db.postThread.findUnique({ where: { postId } })).toMatchObject({
        publishedCount: 1,
        version: 1,
        closed: false,
      });

      // Replies keep their parent: hard-deleting a parent must go through the app.
      await expect(db.comment.delete({ where: { id: top.id } })).rejects.toThrow();
    });

    it('runs batch transactions built from db queries', async () => {
      const postId = `batch-${provider}`;
      const started = Date.now();
      const [comment, thread] = await db.$transaction([
        db.comment.create({ data: { postId, body: 'b', html: '<p>b</p>' } }),
        db.postThread.create({ data: { postId, publishedCount: 1, version: 1 } }),
      ]);
      // Well under Prisma's 5 s transaction timeout: the batch does not wait on itself.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(comment.postId).toBe(postId);
      expect(thread.publishedCount).toBe(1);
    });

    it('keeps counters exact under concurrent transactional writes', async () => {
      const postId = `busy-${provider}`;
      await db.postThread.create({ data: { postId } });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          Promise.all([
            // Twenty transactions queue on one row and a pool of ten connections: give each time
            // to start and finish on a busy machine, since what is tested is the counts, not speed.
            db.$transaction(
              async (tx) => {
                await tx.comment.create({ data: { postId, body: `c${i}`, html: `<p>c${i}</p>` } });
                await tx.postThread.update({
                  where: { postId },
                  data: { publishedCount: { increment: 1 }, version: { increment: 1 } },
                });
              },
              { maxWait: 30_000, timeout: 30_000 },
            ),
            db.rateLimit.create({ data: { key: `${postId}-${i}`, count: 1, resetAt: new Date() } }),
          ]),
        ),
      );
      expect(await db.postThread.findUnique({ where: { postId } })).toMatchObject({ publishedCount: 20, version: 20 });
      expect(await db.comment.count({ where: { postId } })).toBe(20);
      expect(await db.rateLimit.count({ where: { key: { startsWith: `${postId}-` } } })).toBe(20);
    });

    it('never selects passwordHash unless asked to', async () => {
      const created = await db.user.create({
        data: { email: `grace-${provider}@example.com`, name: 'Grace', passwordHash: 'secret-hash' },
      });
      expect(created).not.toHaveProperty('passwordHash');
      const found = await db.user.findUniqueOrThrow({ where: { id: created.id } });
      expect(found).not.toHaveProperty('passwordHash');
      const withComments = await db.user.findUniqueOrThrow({ where: { id: created.id }, include: { comments: true } });
      expect(withComments).not.toHaveProperty('passwordHash');
      const inTx = await db.$transaction((tx) => tx.user.findUniqueOrThrow({ where: { id: created.id } }));
      expect(inTx).not.toHaveProperty('passwordHash');

      const asked = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true } });
      expect(asked.passwordHash).toBe('secret-hash');
    });

    it('cascades OAuth accounts and bans when a user is deleted', async () => {
      const user = await db.user.create({
        data: {
          email: `linus-${provider}@example.com`,
          name: 'Linus',
          accounts: { create: { provider: 'github', providerAccountId: `gh-${provider}` } },
          bans: { create: { reason: 'spam' } },
        },
      });
      await db.user.delete({ where: { id: user.id } });
      expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.ban.count({ where: { userId: user.id } })).toBe(0);
      await expect(
        db.account.create({ data: { userId: 'missing', provider: 'github', providerAccountId: 'x' } }),
      ).rejects.toThrow();
    });

    it('keeps a write made outside a transaction when a concurrent transaction rolls back', async () => {
      let wroteInside!: () => void;
      const insideWritten = new Promise<void>((resolve) => (wroteInside = resolve));
      let landedOutside!: () => void;
      const outsideLanded = new Promise<void>((resolve) => (landedOutside = resolve));
      const failing = db
        .$transaction(async (tx) => {
          await tx.setting.create({ data: { key: `inside-${provider}`, value: '1' } });
          wroteInside();
          // PostgreSQL runs the outside write on another connection: the transaction stays open
          // until it has landed. SQLite's one connection must hold it back until the transaction
          // ends, so it cannot land first; the transaction gives it time to reach the queue, and
          // ends at once if it got in anyway (inside the transaction, to be rolled back with it).
          await Promise.race([outsideLanded, ...(provider === 'sqlite' ? [new Promise((resolve) => setTimeout(resolve, 150))] : [])]);
          throw new Error('roll back');
        })
        .catch((e: unknown) => e);
      // Only once the transaction has written, so the two certainly overlap.
      await insideWritten;
      await db.setting.create({ data: { key: `outside-${provider}`, value: '1' } }).finally(landedOutside);
      expect(await failing).toBeInstanceOf(Error);
      const keys = (await db.setting.findMany()).map((s) => s.key);
      expect(keys).toContain(`outside-${provider}`);
      expect(keys).not.toContain(`inside-${provider}`);
    });
  });
}

describe('SQLite connection settings', () => {
  it('uses WAL, a busy timeout and foreign keys', async () => {
    const database = await createTestDatabase('sqlite');
    const db = createDb(database.url);
    try {
      expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await db.$queryRawUnsafe('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1n }]);
      expect(await db.$queryRawUnsafe('PRAGMA busy_timeout')).toEqual([{ timeout: 5000n }]);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});

describe('getDb and databaseProvider', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('returns one client per DATABASE_URL for the whole process', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      vi.stubEnv('DATABASE_URL', database.url);
      const db = getDb();
      expect(getDb()).toBe(db);
      await db.setting.create({ data: { key: 'k', value: '"v"' } });
      expect(await getDb().setting.findUnique({ where: { key: 'k' } })).toMatchObject({ value: '"v"' });
      await db.$disconnect();
    } finally {
      await database.drop();
    }
  });

  it('tells the providers apart and names DATABASE_URL when it cannot', () => {
    vi.stubEnv('DATABASE_URL', 'postgresql://u@db.example:5432/quire');
    expect(databaseProvider()).toBe('postgresql');
    vi.stubEnv('DATABASE_URL', 'postgres://u@db.example/quire');
    expect(databaseProvider()).toBe('postgresql');
    vi.stubEnv('DATABASE_URL', 'file:./data/other.db');
    expect(databaseProvider()).toBe('sqlite');
    vi.stubEnv('DATABASE_URL', '');
    expect(databaseProvider()).toBe('sqlite');
    vi.stubEnv('DATABASE_URL', 'mysql://root@localhost/quire');
    expect(() => databaseProvider()).toThrow(/DATABASE_URL/);
  });
});
