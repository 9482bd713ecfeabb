import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from './index';
import {
  applyMigrations,
  DatabaseSetupError,
  getMigrationStatus,
  migrationsDirFor,
  resolveDatabaseUrl,
  type DatabaseProvider,
} from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

const providers: [DatabaseProvider, boolean][] = [
  ['sqlite', true],
  ['postgresql', Boolean(process.env.TEST_POSTGRES_URL)],
];

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the committed migrations plus extra ones, for tests that need more history. */
function migrationsWith(provider: DatabaseProvider, extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-migrations-'));
  tempDirs.push(dir);
  fs.cpSync(migrationsDirFor(provider), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

function committedMigrations(provider: DatabaseProvider): string[] {
  return fs
    .readdirSync(migrationsDirFor(provider), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  applied_steps_count: number | bigint;
  logs: string | null;
}

for (const [provider, enabled] of providers) {
  describe.skipIf(!enabled)(`applyMigrations on ${provider}`, () => {
    let database: TestDatabase;
    let db: Db | undefined;
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    beforeEach(async () => {
      lines.length = 0;
      database = await createTestDatabase(provider, { migrate: false });
    });
    afterEach(async () => {
      await db?.$disconnect();
      db = undefined;
      await database.drop();
    });

    const client = () => (db ??= createDb(database.url));
    const rows = () => client().$queryRaw<Row[]>`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`;

    it('migrates a fresh database and records each migration the way Prisma does', async () => {
      const names = committedMigrations(provider);
      const result = await applyMigrations({ url: database.url, log });

      expect(result.applied).toEqual(names);
      expect(result.total).toBe(names.length);
      expect(lines).toContain(`applying ${names[0]}…`);
      expect(lines.at(-1)).toMatch(
        new RegExp(`^database ready: ${provider} .*, ${names.length} migrations? applied, 0 pending$`),
      );

      const recorded = await rows();
      expect(recorded.map((r) => r.migration_name)).toEqual(names);
      for (const r of recorded) {
        const script = fs.readFileSync(path.join(migrationsDirFor(provider), r.migration_name, 'migration.sql'));
        expect(r.checksum).toBe(createHash('sha256').update(script).digest('hex'));
        expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.finished_at).not.toBeNull();
        expect(r.rolled_back_at).toBeNull();
        expect(r.logs).toBeNull();
        expect(Number(r.applied_steps_count)).toBe(1);
      }
      // The schema is there and usable.
      expect(await client().user.count()).toBe(0);
      expect(await getMigrationStatus({ url: database.url })).toMatchObject({
        pending: [],
        failed: [],
        edited: [],
        applied: names,
      });
    });

    it('does nothing on a second run', async () => {
      await applyMigrations({ url: database.url, log: () => {} });
      const before = await rows();
      const again = await applyMigrations({ url: database.url, log });
      expect(again.applied).toEqual([]);
      expect(lines.filter((l) => l.startsWith('applying'))).toEqual([]);
      expect(await rows()).toEqual(before);
    });

    it('applies only new migrations, running the whole file (semicolons inside strings included)', async () => {
      await applyMigrations({ url: database.url, log: () => {} });
      const dir = migrationsWith(provider, {
        '99991231000000_notes':
          'CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY, "body" TEXT NOT NULL);\n' +
          'INSERT INTO "Note" ("id", "body") VALUES (1, \'one; two; three\');\n',
      });
      const result = await applyMigrations({ url: database.url, migrationsDir: dir, log });
      expect(result.applied).toEqual(['99991231000000_notes']);
      expect(lines).toContain('applying 99991231000000_notes…');
      expect(await client().$queryRaw`SELECT "body" FROM "Note"`).toEqual([{ body: 'one; two; three' }]);
    });

    it('gives hidden comments with published replies their place when upgrading an older database', async () => {
      const before = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-migrations-'));
      tempDirs.push(before);
      for (const name of committedMigrations(provider).filter((n) => n < '20261202040000')) {
        fs.cpSync(path.join(migrationsDirFor(provider), name), path.join(before, name), { recursive: true });
      }
      await applyMigrations({ url: database.url, migrationsDir: before, log: () => {} });
      // As the older code left it: a comment marked spam after Bob answered it (out of the places),
      // a deleted one without replies (in them), a published one with a held reply.
      const comments: [number, number | null, string][] = [
        [1, null, 'spam'],
        [2, 1, 'published'],
        [3, 2, 'published'],
        [4, null, 'deleted'],
        [5, null, 'published'],
        [6, 5, 'pending'],
      ];
      // SQLite numbers its parameters with ?, PostgreSQL with $n.
      const sql = (text: string) => (provider === 'sqlite' ? text.replace(/\$\d+/g, '?') : text);
      for (const [id, parentId, status] of comments) {
        await client().$executeRawUnsafe(
          sql('INSERT INTO "Comment" ("id", "postId", "parentId", "rootId", "depth", "body", "html", "status") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)'),
          id, 'p', parentId, parentId === null ? null : parentId === 5 ? 5 : 1, parentId === null ? 0 : 1, 'x', '<p>x</p>', status,
        );
      }
      await client().$executeRawUnsafe(
        sql('INSERT INTO "PostThread" ("postId", "publishedCount", "topLevelCount", "version", "closed", "updatedAt") VALUES ($1, 3, 2, 7, false, $2)'),
        'p', new Date(),
      );
      await applyMigrations({ url: database.url, log: () => {} });
      const counted = await client().comment.findMany({ where: { parentId: null }, select: { id: true, publishedReplies: true }, orderBy: { id: 'asc' } });
      expect(counted).toEqual([
        { id: 1, publishedReplies: 2 },
        { id: 4, publishedReplies: 0 },
        { id: 5, publishedReplies: 0 },
      ]);
      expect(await client().postThread.findUnique({ where: { postId: 'p' } })).toMatchObject({ publishedCount: 3, topLevelCount: 3, version: 9 }); // each later recount moves it too
    });

    it('takes their places from deleted comments readers never saw when upgrading an older database', async () => {
      const before = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-migrations-'));
      tempDirs.push(before);
      for (const name of committedMigrations(provider).filter((n) => n < '20261202063000')) {
        fs.cpSync(path.join(migrationsDirFor(provider), name), path.join(before, name), { recursive: true });
      }
      await applyMigrations({ url: database.url, migrationsDir: before, log: () => {} });
      // As the older code left it, every deleted comment holding a place: one published before it
      // was deleted, two deleted while held (their hold reason kept), and a published one.
      const comments: [number, string, string | null][] = [
        [1, 'deleted', null],
        [2, 'deleted', 'guest'],
        [3, 'deleted', 'first comment'],
        [4, 'published', null],
      ];
      const sql = (text: string) => (provider === 'sqlite' ? text.replace(/\$\d+/g, '?') : text);
      for (const [id, status, heldReason] of comments) {
        await client().$executeRawUnsafe(
          sql('INSERT INTO "Comment" ("id", "postId", "body", "html", "status", "heldReason") VALUES ($1, $2, $3, $4, $5, $6)'),
          id, 'p', 'x', '<p>x</p>', status, heldReason,
        );
      }
      await client().$executeRawUnsafe(
        sql('INSERT INTO "PostThread" ("postId", "publishedCount", "topLevelCount", "version", "closed", "updatedAt") VALUES ($1, 1, 4, 9, false, $2)'),
        'p', new Date(),
      );
      await applyMigrations({ url: database.url, log: () => {} });
      const rows = await client().comment.findMany({ select: { id: true, deletedFrom: true }, orderBy: { id: 'asc' } });
      expect(rows).toEqual([
        { id: 1, deletedFrom: 'published' },
        { id: 2, deletedFrom: 'pending' },
        { id: 3, deletedFrom: 'pending' },
        { id: 4, deletedFrom: null },
      ]);
      expect(await client().postThread.findUnique({ where: { postId: 'p' } })).toMatchObject({ publishedCount: 1, topLevelCount: 2, version: 10 });
    });

    it('dates the comments readers have seen from their writing when upgrading an older database, so the feeds keep them', async () => {
      const before = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-migrations-'));
      tempDirs.push(before);
      for (const name of committedMigrations(provider).filter((n) => n < '20261203090000')) {
        fs.cpSync(path.join(migrationsDirFor(provider), name), path.join(before, name), { recursive: true });
      }
      await applyMigrations({ url: database.url, migrationsDir: before, log: () => {} });
      // Readers saw: published; hidden by a ban; deleted while shown; marked spam by a moderator
      // (no hold reason: it was approved, or never held); held again after an edit. Readers never
      // saw: held, caught as spam by the rules, deleted while held.
      const comments: [number, string, number | null, string | null, string | null][] = [
        [1, 'published', null, null, null],
        [2, 'spam', 7, null, 'first comment'],
        [3, 'deleted', null, 'published', null],
        [4, 'spam', null, null, null],
        [5, 'pending', null, null, 'edited: links'],
        [6, 'pending', null, null, 'first comment'],
        [7, 'spam', null, null, 'blocked word: casino'],
        [8, 'deleted', null, 'pending', 'guest'],
      ];
      const writtenAt = new Date('2026-11-30T12:00:00.000Z');
      const sql = (text: string) => (provider === 'sqlite' ? text.replace(/\$\d+/g, '?') : text);
      for (const [id, status, hiddenByBanId, deletedFrom, heldReason] of comments) {
        await client().$executeRawUnsafe(
          sql('INSERT INTO "Comment" ("id", "postId", "body", "html", "status", "hiddenByBanId", "deletedFrom", "heldReason", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)'),
          id, 'p', 'x', '<p>x</p>', status, hiddenByBanId, deletedFrom, heldReason, writtenAt,
        );
      }
      await applyMigrations({ url: database.url, log: () => {} });
      const rows = await client().comment.findMany({ select: { id: true, publishedAt: true }, orderBy: { id: 'asc' } });
      expect(rows).toEqual([
        { id: 1, publishedAt: writtenAt },
        { id: 2, publishedAt: writtenAt },
        { id: 3, publishedAt: writtenAt },
        { id: 4, publishedAt: writtenAt },
        { id: 5, publishedAt: writtenAt },
        { id: 6, publishedAt: null },
        { id: 7, publishedAt: null },
        { id: 8, publishedAt: null },
      ]);
    });

    it('remembers where removed comments came from when upgrading an older database, so Restore sends held ones back to the queue', async () => {
      const before = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-migrations-'));
      tempDirs.push(before);
      for (const name of committedMigrations(provider).filter((n) => n < '20261203230000')) {
        fs.cpSync(path.join(migrationsDirFor(provider), name), path.join(before, name), { recursive: true });
      }
      await applyMigrations({ url: database.url, migrationsDir: before, log: () => {} });
      // Held then marked spam, then deleted from Spam (the log knows); deleted while held (only
      // deletedFrom knows: its author's); published then hidden by a ban; caught when written
      // (nobody removed it); marked spam while held, then restored and published (the log's last
      // removal was from Pending, but it is published now and keeps nothing); held, then edited
      // into spam by the rules (nothing logged, never published); published, then edited into spam.
      const seen = new Date('2026-11-30T12:00:00.000Z');
      const comments: [number, string, string | null, Date | null, Date | null][] = [
        [1, 'deleted', 'spam', null, null],
        [2, 'deleted', 'pending', null, null],
        [3, 'spam', null, null, seen],
        [4, 'spam', null, null, null],
        [5, 'published', null, null, seen],
        [6, 'spam', null, seen, null],
        [7, 'spam', null, seen, seen],
      ];
      const log: [number, string, string][] = [
        [1, 'pending', 'spam'],
        [1, 'spam', 'deleted'],
        [3, 'published', 'spam'],
        [5, 'pending', 'spam'],
        [5, 'spam', 'published'],
      ];
      const sql = (text: string) => (provider === 'sqlite' ? text.replace(/\$\d+/g, '?') : text);
      for (const [id, status, deletedFrom, editedAt, publishedAt] of comments) {
        await client().$executeRawUnsafe(
          sql('INSERT INTO "Comment" ("id", "postId", "body", "html", "status", "deletedFrom", "editedAt", "publishedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)'),
          id, 'p', 'x', '<p>x</p>', status, deletedFrom, editedAt, publishedAt,
        );
      }
      for (const [id, from, to] of log) {
        await client().$executeRawUnsafe(
          sql('INSERT INTO "AuditEntry" ("action", "targetType", "targetId", "before", "after") VALUES ($1, $2, $3, $4, $5)'),
          'moderate', 'comment', String(id), from, to,
        );
      }
      await applyMigrations({ url: database.url, log: () => {} });
      const rows = await client().comment.findMany({ select: { id: true, removedFrom: true }, orderBy: { id: 'asc' } });
      expect(rows).toEqual([
        { id: 1, removedFrom: 'pending' },
        { id: 2, removedFrom: 'pending' },
        { id: 3, removedFrom: 'published' },
        { id: 4, removedFrom: null },
        { id: 5, removedFrom: null },
        { id: 6, removedFrom: 'pending' },
        { id: 7, removedFrom: null },
      ]);
    });

    it('refuses to run when an applied migration was edited', async () => {
      await applyMigrations({ url: database.url, log: () => {} });
      await client().$executeRaw`UPDATE "_prisma_migrations" SET checksum = ${'0'.repeat(64)}`;
      const run = applyMigrations({ url: database.url, log: () => {} });
      await expect(run).rejects.toThrow(DatabaseSetupError);
      await expect(run).rejects.toThrow(/changed after they were applied[\s\S]*git checkout/);
    });

    it('accepts a migration file whose line endings changed', async () => {
      const dir = migrationsWith(provider, {});
      await applyMigrations({ url: database.url, migrationsDir: dir, log: () => {} });
      for (const name of committedMigrations(provider)) {
        const file = path.join(dir, name, 'migration.sql');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
      }
      await expect(applyMigrations({ url: database.url, migrationsDir: dir, log: () => {} })).resolves.toMatchObject({
        applied: [],
      });
    });

    it('refuses to run while a failed migration is recorded', async () => {
      await applyMigrations({ url: database.url, log: () => {} });
      await client()
        .$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
        VALUES ('00000000-0000-4000-8000-000000000000', ${'1'.repeat(64)}, '99990101000000_half_done', 'syntax error', ${new Date()}, 0)`;
      await expect(applyMigrations({ url: database.url, log: () => {} })).rejects.toThrow(
        /failed migration[\s\S]*99990101000000_half_done[\s\S]*migrate resolve/,
      );
    });

    it('rolls back a migration that fails and records nothing', async () => {
      await applyMigrations({ url: database.url, log: () => {} });
      const before = await rows();
      const dir = migrationsWith(provider, {
        '99991231000000_broken': 'CREATE TABLE "Extra" ("id" INTEGER NOT NULL);\nSELECT * FROM "no_such_table";\n',
      });
      await expect(applyMigrations({ url: database.url, migrationsDir: dir, log: () => {} })).rejects.toThrow(
        /99991231000000_broken failed and was rolled back/,
      );
      expect(await rows()).toEqual(before);
      await expect(client().$queryRaw`SELECT * FROM "Extra"`).rejects.toThrow();
    });

    it('refuses a database that has tables but no migration history', async () => {
      await client().$executeRawUnsafe('CREATE TABLE "Stray" ("id" INTEGER NOT NULL)');
      await expect(applyMigrations({ url: database.url, log: () => {} })).rejects.toThrow(
        /already has tables \(Stray\)/,
      );
    });

    it('lets two instances start at once', async () => {
      const [a, b] = await Promise.all([
        applyMigrations({ url: database.url, log: () => {} }),
        applyMigrations({ url: database.url, log: () => {} }),
      ]);
      expect([...a.applied, ...b.applied].sort()).toEqual(committedMigrations(provider));
      expect((await rows()).map((r) => r.migration_name)).toEqual(committedMigrations(provider));
    });
  });
}

describe('schemas', () => {
  it('have identical model blocks for both providers', () => {
    const models = (provider: string) => {
      const text = fs.readFileSync(path.join(process.cwd(), 'prisma', provider, 'schema.prisma'), 'utf8');
      return text.slice(text.indexOf('\nmodel '));
    };
    expect(models('postgres')).toBe(models('sqlite'));
  });
});

describe('applyMigrations errors', () => {
  it('creates the SQLite folder when it is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-folder-'));
    tempDirs.push(dir);
    const result = await applyMigrations({ url: `file:${path.join(dir, 'a', 'b', 'quire.db')}`, log: () => {} });
    expect(result.total).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'a', 'b', 'quire.db'))).toBe(true);
  });

  it('names host, port and DATABASE_URL when PostgreSQL is unreachable', async () => {
    await expect(applyMigrations({ url: 'postgresql://quire@127.0.0.1:1/quire', log: () => {} })).rejects.toThrow(
      /cannot reach PostgreSQL at 127\.0\.0\.1:1 \(from DATABASE_URL\)/,
    );
  });

  it('names DATABASE_URL when the URL is neither SQLite nor PostgreSQL', async () => {
    await expect(applyMigrations({ url: 'mysql://root@localhost/quire', log: () => {} })).rejects.toThrow(
      /DATABASE_URL must start with file:/,
    );
  });
});

describe('with no configuration', () => {
  it('uses SQLite at data/quire.db under the project, which .gitignore keeps out of commits', () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(resolveDatabaseUrl()).toEqual({
        provider: 'sqlite',
        url: 'file:./data/quire.db',
        file: path.join(process.cwd(), 'data', 'quire.db'),
        label: `sqlite ${path.join('data', 'quire.db')}`,
      });
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    const ignored = fs.readFileSync(path.join(process.cwd(), '.gitignore'), 'utf8').split('\n');
    expect(ignored.some((line) => /^\/?data\/?(\*|$)/.test(line.trim()))).toBe(true);
  });
});
