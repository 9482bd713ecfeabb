// Databases for the benchmark servers: created, migrated and seeded before a server starts, with
// the app's own code (loaded from the snapshot under test) so rows look exactly like the app's.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Db } from '../lib/db';

interface DbModule {
  createDb(url?: string): Db;
}
interface MigrateModule {
  applyMigrations(options: { url?: string; log?: (line: string) => void; migrationsDir?: string }): Promise<unknown>;
}
interface RenderModule {
  renderCommentMarkdown(markdown: string): Promise<string>;
}
interface PasswordsModule {
  hashPassword(password: string): Promise<string>;
}

async function load<T>(app: string, file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(app, file)).href)) as T;
}

export function providerOf(url: string): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:/i.test(url) ? 'postgresql' : 'sqlite';
}

/** Applies the app's committed migrations (as `npm start` would) to `url`. */
export async function migrate(app: string, url: string): Promise<void> {
  const { applyMigrations } = await load<MigrateModule>(app, 'lib/db/migrate.ts');
  const folder = providerOf(url) === 'sqlite' ? 'sqlite' : 'postgres';
  await applyMigrations({ url, log: () => {}, migrationsDir: path.join(app, 'prisma', folder, 'migrations') });
}

async function withDb<T>(app: string, url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const { createDb } = await load<DbModule>(app, 'lib/db/index.ts');
  const db = createDb(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Stores comment settings (the `Setting` row `comments`, JSON) as an admin would. */
export async function setCommentSettings(app: string, url: string, settings: Record<string, unknown>): Promise<void> {
  const value = JSON.stringify(settings);
  await withDb(app, url, (db) =>
    db.setting.upsert({ where: { key: 'comments' }, update: { value }, create: { key: 'comments', value } }),
  );
}

const COMMENT_TEXTS = [
  'Interesting read. I wonder how long this **coordination** will last once the summit is over.',
  'The point about the Silk Road is often missed: it is as much about *railways* as about ports.',
  'Source? The TASS report says something slightly different, see https://example.com/report for the original.',
  '> greater coordination in international affairs\n\nWe have heard this before, in 2014 and again in 2015.',
  'Three things stand out:\n\n1. the timing\n2. the venue\n3. who was left out of the photo',
  "I disagree. Trade between the two is still small compared with either side's trade with the EU.",
  'Good summary, thanks. The joint drill in the South China Sea is the part to watch.',
  'Does anyone have the figures for the 30 trade deals signed in June? `link please`',
];

export interface SeededThread {
  comments: number;
  topLevel: number;
  version: number;
}

/**
 * `total` published comments on `postId`, threaded as readers do: every top-level comment gets a
 * short conversation (a reply, a reply to that, one more level down, and a second reply to the
 * top comment), so depths 0–3 all appear. The `PostThread` row is set to match, as the app keeps it.
 */
export async function seedThread(app: string, url: string, postId: string, total: number): Promise<SeededThread> {
  const { renderCommentMarkdown } = await load<RenderModule>(app, 'lib/comments/render.ts');
  const html = await Promise.all(COMMENT_TEXTS.map((text) => renderCommentMarkdown(text)));
  return withDb(app, url, async (db) => {
    const authors = Array.from({ length: 100 }, (_, i) => ({
      id: `benchauthor${String(i).padStart(4, '0')}`,
      email: `bench-author-${i}@example.com`,
      name: `Reader ${i + 1}`,
      role: 'reader',
    }));
    await db.user.createMany({ data: authors });
    const existing = await db.comment.aggregate({ _max: { id: true } });
    const base = existing._max.id ?? 0;
    const start = Date.UTC(2016, 8, 4, 12);
    // Ids are given so parents are known before insertion: slot k of each group of five.
    // [parent slot, depth]: root, reply to root, reply to that, one level deeper, second reply to root.
    const shape: [number | null, number][] = [
      [null, 0],
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 1],
    ];
    const rows = [];
    let topLevel = 0;
    for (let i = 0; i < total; i++) {
      const group = Math.floor(i / shape.length);
      const slot = i % shape.length;
      const [parentSlot, depth] = shape[slot]!;
      const id = base + i + 1;
      const rootId = base + group * shape.length + 1;
      if (parentSlot === null) topLevel++;
      const text = i % COMMENT_TEXTS.length;
      rows.push({
        id,
        postId,
        parentId: parentSlot === null ? null : base + group * shape.length + parentSlot + 1,
        rootId: parentSlot === null ? null : rootId,
        depth,
        authorId: authors[i % authors.length]!.id,
        body: `${COMMENT_TEXTS[text]!} (#${i + 1})`,
        html: html[text]!.replace(/<\/p>\s*$/, ` (#${i + 1})</p>`),
        status: 'published',
        // Every reply is published, so each conversation's top-level comment counts them all.
        publishedReplies: parentSlot === null ? shape.length - 1 : 0,
        createdAt: new Date(start + i * 60_000),
        publishedAt: new Date(start + i * 60_000),
      });
    }
    for (let i = 0; i < rows.length; i += 1000) await db.comment.createMany({ data: rows.slice(i, i + 1000) });
    const thread = { publishedCount: total, topLevelCount: topLevel, version: total };
    await db.postThread.upsert({ where: { postId }, update: thread, create: { postId, ...thread } });
    return { comments: total, topLevel, version: total };
  });
}

/** A reader account written straight to the database (used only if `POST /api/users` refuses). */
export async function insertUser(app: string, url: string, user: { email: string; name: string; password: string }) {
  const { hashPassword } = await load<PasswordsModule>(app, 'lib/auth/passwords.ts');
  const passwordHash = await hashPassword(user.password);
  await withDb(app, url, (db) =>
    db.user.create({ data: { email: user.email, name: user.name, passwordHash }, select: { id: true } }),
  );
}

/** PostgreSQL: the server URL (any database on it) the harness creates its own database on. */
export function postgresServerUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
}

async function adminQuery<T extends pg.QueryResultRow>(serverUrl: string, sql: string): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query<T>(sql);
  } finally {
    await client.end();
  }
}

/** Creates `quire_bench_<pid>` (dropping those of earlier runs that are no longer alive) and returns its URL. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const stale = await adminQuery<{ datname: string }>(
    serverUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'quire\\_bench\\_%'",
  );
  for (const { datname } of stale.rows) {
    const pid = Number(datname.slice('quire_bench_'.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (!alive) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const name = `quire_bench_${process.pid}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
