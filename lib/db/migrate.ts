// Quire's own migrator. It applies the committed Prisma migrations
// (prisma/<provider>/migrations/<name>/migration.sql) and keeps Prisma's
// `_prisma_migrations` bookkeeping exactly as `prisma migrate deploy` does, so
// `prisma migrate status` agrees with it. It exists because the app must migrate
// itself on start on machines where Prisma's native schema engine is not installed.
// It talks to better-sqlite3 / pg directly: the Prisma driver adapters' script
// execution is not reliable for whole migration files (adapter-pg splits on `;`).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import Database from 'better-sqlite3';
import pg from 'pg';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Relative to the working directory, which is the project root for every npm script. */
export const DEFAULT_DATABASE_URL = 'file:./data/quire.db';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string; label: string }
  | { provider: 'postgresql'; url: string; schema: string | undefined; label: string };

/** An error whose message says what went wrong and what to do next. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

/** Reads DATABASE_URL (or `url`) and decides which database Quire talks to. */
export function resolveDatabaseUrl(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseSetupError(
        'DATABASE_URL is not a valid postgresql:// URL. Example: postgresql://user:password@localhost:5432/quire',
      );
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    const label = `postgresql ${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
    return { provider: 'postgresql', url, schema: parsed.searchParams.get('schema') ?? undefined, label };
  }
  if (/^file:/i.test(url)) {
    const raw = url.replace(/^file:/i, '').replace(/\?.*$/, '');
    const filePath = raw.startsWith('//') ? new URL(url).pathname : raw;
    if (!filePath) throw new DatabaseSetupError('DATABASE_URL "file:" names no file. Example: file:./data/quire.db');
    const file = path.resolve(process.cwd(), filePath);
    const relative = path.relative(process.cwd(), file);
    const label = `sqlite ${relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file}`;
    return { provider: 'sqlite', url, file, label };
  }
  throw new DatabaseSetupError(
    `DATABASE_URL must start with file: (SQLite, e.g. file:./data/quire.db) or postgresql:// (PostgreSQL); got "${url.replace(/\/\/[^@/]*@/, '//…@')}".`,
  );
}

/** The folder holding one provider's migrations, relative to the project root (the working directory). */
export function migrationsDirFor(provider: DatabaseProvider): string {
  return path.join(process.cwd(), 'prisma', provider === 'sqlite' ? 'sqlite' : 'postgres', 'migrations');
}

export interface ApplyMigrationsOptions {
  /** Defaults to DATABASE_URL, then file:./data/quire.db. */
  url?: string;
  /** Receives progress lines; defaults to console.log. */
  log?: (line: string) => void;
  /** Defaults to prisma/<provider>/migrations under the working directory. */
  migrationsDir?: string;
  /** PostgreSQL: how long to wait for another instance that is migrating. */
  lockTimeoutMs?: number;
}

export interface ApplyMigrationsResult {
  provider: DatabaseProvider;
  label: string;
  /** Migrations this call applied, in order. */
  applied: string[];
  /** Migrations recorded as applied in the database afterwards. */
  total: number;
}

export interface MigrationStatus {
  provider: DatabaseProvider;
  label: string;
  /** False when the SQLite file or PostgreSQL database has not been created yet. */
  exists: boolean;
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** Applied in the database but missing from this checkout. */
  unknown: string[];
}

interface LocalMigration {
  name: string;
  script: string;
}

/** One row of `_prisma_migrations`, as far as the checks need it. */
interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  logs: string | null;
}

interface History {
  applied: string[];
  pending: LocalMigration[];
  failed: MigrationRow[];
  edited: string[];
  unknown: string[];
}

// Prisma's `migrate deploy` lock id; sharing it serialises Quire instances with
// each other and with `prisma migrate deploy`.
const PRISMA_ADVISORY_LOCK = 72707369;

// Prisma's own DDL for the table, per provider (what `migrate deploy` creates).
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;
const SELECT_ROWS =
  'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, logs FROM "_prisma_migrations" ORDER BY started_at';
const INSERT_ROW_SQLITE =
  'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)';

export function checksumOf(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

// Prisma accepts a script whose line endings changed (git autocrlf) as unedited.
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\r?\n/g, '\r\n')];
  return variants.some((v) => checksumOf(v) === checksum);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function readLocalMigrations(dir: string, provider: DatabaseProvider): LocalMigration[] {
  if (!fs.existsSync(dir)) {
    throw new DatabaseSetupError(
      `no migrations folder at ${displayPath(dir)}. Run Quire from the project root (the folder with package.json).`,
    );
  }
  const lockFile = path.join(dir, 'migration_lock.toml');
  if (fs.existsSync(lockFile)) {
    const locked = /^\s*provider\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(lockFile, 'utf8'))?.[1];
    if (locked && locked !== provider) {
      throw new DatabaseSetupError(
        `${displayPath(lockFile)} is for ${locked}, but DATABASE_URL points at ${provider}. Fix DATABASE_URL or the migrations folder.`,
      );
    }
  }
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const file = path.join(dir, name, 'migration.sql');
    if (!fs.existsSync(file)) {
      throw new DatabaseSetupError(
        `${displayPath(path.join(dir, name))} has no migration.sql. Remove the folder or restore the file.`,
      );
    }
    return { name, script: fs.readFileSync(file, 'utf8') };
  });
}

function compareHistory(local: LocalMigration[], rows: MigrationRow[]): History {
  const live = rows.filter((row) => row.rolled_back_at == null);
  const failed = live.filter((row) => row.finished_at == null);
  const done = live.filter((row) => row.finished_at != null);
  const doneNames = new Set(done.map((row) => row.migration_name));
  const localByName = new Map(local.map((m) => [m.name, m]));
  const edited = done
    .filter((row) => {
      const m = localByName.get(row.migration_name);
      return m !== undefined && !matchesChecksum(m.script, row.checksum);
    })
    .map((row) => row.migration_name);
  return {
    applied: [...doneNames],
    pending: local.filter((m) => !doneNames.has(m.name) && !failed.some((row) => row.migration_name === m.name)),
    failed,
    edited: [...new Set(edited)],
    unknown: [...doneNames].filter((name) => !localByName.has(name)),
  };
}

/** Throws the first problem that makes applying migrations unsafe. */
function refuseBrokenHistory(history: History, target: DatabaseTarget, dir: string): void {
  if (history.failed.length > 0) {
    const details = history.failed
      .map(
        (row) => `  ${row.migration_name} (started ${String(row.started_at)})${row.logs ? `: ${row.logs.trim()}` : ''}`,
      )
      .join('\n');
    throw new DatabaseSetupError(
      `${target.label}: _prisma_migrations records a failed migration, so Quire will not apply anything:\n${details}\n` +
        'Check the database by hand. If the failed migration left no changes, mark it with ' +
        '`npx prisma migrate resolve --rolled-back <name>` (or delete its row from _prisma_migrations); ' +
        'if you completed it by hand, use `npx prisma migrate resolve --applied <name>`. Then start again.',
    );
  }
  if (history.edited.length > 0) {
    const files = history.edited.map((name) => `  ${displayPath(path.join(dir, name, 'migration.sql'))}`).join('\n');
    throw new DatabaseSetupError(
      `${target.label}: these migrations changed after they were applied (checksum differs from _prisma_migrations):\n${files}\n` +
        'Restore them as they were applied (e.g. `git checkout -- <file>`) and put the change in a new migration.',
    );
  }
}

/** Applies every pending migration; throws DatabaseSetupError with next steps on any problem. */
export async function applyMigrations(options: ApplyMigrationsOptions = {}): Promise<ApplyMigrationsResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const target = resolveDatabaseUrl(options.url);
  const dir = options.migrationsDir ?? migrationsDirFor(target.provider);
  const local = readLocalMigrations(dir, target.provider);
  const result =
    target.provider === 'sqlite'
      ? migrateSqlite(target, local, dir, log)
      : await migratePostgres(target, local, dir, log, options.lockTimeoutMs ?? 120_000);
  log(`database ready: ${target.label}, ${plural(result.total, 'migration')} applied, 0 pending`);
  return result;
}

/** Compares the database with the migrations folder without changing anything. */
export async function getMigrationStatus(
  options: Pick<ApplyMigrationsOptions, 'url' | 'migrationsDir'> = {},
): Promise<MigrationStatus> {
  const target = resolveDatabaseUrl(options.url);
  const dir = options.migrationsDir ?? migrationsDirFor(target.provider);
  const local = readLocalMigrations(dir, target.provider);
  let rows: MigrationRow[] = [];
  let exists = true;
  if (target.provider === 'sqlite') {
    exists = fs.existsSync(target.file);
    if (exists) {
      const db = openSqlite(target, true);
      try {
        if (sqliteHasTable(db, '_prisma_migrations')) rows = db.prepare(SELECT_ROWS).all() as MigrationRow[];
      } finally {
        db.close();
      }
    }
  } else {
    const client = await connectPostgres(target, () => {}, false);
    if (!client) {
      exists = false;
    } else {
      try {
        if (await postgresHasMigrationsTable(client)) rows = (await client.query<MigrationRow>(SELECT_ROWS)).rows;
      } finally {
        await client.end();
      }
    }
  }
  const history = compareHistory(local, rows);
  return {
    provider: target.provider,
    label: target.label,
    exists,
    applied: history.applied,
    pending: history.pending.map((m) => m.name),
    failed: history.failed.map((row) => row.migration_name),
    edited: history.edited,
    unknown: history.unknown,
  };
}

// ---------------------------------------------------------------- SQLite

function openSqlite(target: Extract<DatabaseTarget, { provider: 'sqlite' }>, readonly = false): Database.Database {
  try {
    if (!readonly) fs.mkdirSync(path.dirname(target.file), { recursive: true });
    // A generous busy timeout: a running app instance may be writing.
    return new Database(target.file, { timeout: 15_000, readonly, fileMustExist: readonly });
  } catch (e) {
    throw new DatabaseSetupError(
      `cannot open the SQLite database ${target.file} (from DATABASE_URL): ${errorMessage(e)}. ` +
        'Check that its folder is writable, or set DATABASE_URL to another file: path.',
    );
  }
}

function sqliteHasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

// Same text format the Prisma SQLite adapter writes for DateTime values.
function sqliteNow(): string {
  return new Date().toISOString().replace('Z', '+00:00');
}

function migrateSqlite(
  target: Extract<DatabaseTarget, { provider: 'sqlite' }>,
  local: LocalMigration[],
  dir: string,
  log: (line: string) => void,
): ApplyMigrationsResult {
  const db = openSqlite(target);
  try {
    // WAL is stored in the file, so every later connection (the app's) gets it.
    db.pragma('journal_mode = WAL');
    // Prisma's table-redefinition scripts rely on foreign keys being off (a
    // PRAGMA inside a transaction is ignored); with them on, DROP TABLE would
    // cascade-delete child rows. Integrity is checked before each commit instead.
    db.pragma('foreign_keys = OFF');

    // BEGIN IMMEDIATE takes SQLite's write lock, so concurrent starts queue up.
    db.transaction(() => {
      if (sqliteHasTable(db, '_prisma_migrations')) return;
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[];
      if (tables.length > 0)
        throw nonEmptyDatabaseError(
          target,
          tables.map((t) => t.name),
        );
      db.exec(SQLITE_MIGRATIONS_TABLE);
    }).immediate();

    const history = compareHistory(local, db.prepare(SELECT_ROWS).all() as MigrationRow[]);
    refuseBrokenHistory(history, target, dir);
    warnUnknown(history, target, log);

    const applied: string[] = [];
    const applyOne = db.transaction((m: LocalMigration): boolean => {
      const already = db
        .prepare('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL')
        .get(m.name);
      if (already !== undefined) return false; // another instance got here first
      const startedAt = sqliteNow();
      db.exec(m.script);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new Error(
          `it leaves ${plural(violations.length, 'row')} violating foreign keys (PRAGMA foreign_key_check)`,
        );
      }
      db.prepare(INSERT_ROW_SQLITE).run(randomUUID(), checksumOf(m.script), sqliteNow(), m.name, startedAt);
      return true;
    });
    for (const m of history.pending) {
      log(`applying ${m.name}…`);
      const started = Date.now();
      try {
        if (applyOne.immediate(m)) applied.push(m.name);
      } catch (e) {
        throw migrationFailedError(target, dir, m, e);
      }
      log(`applied ${m.name} (${Date.now() - started} ms)`);
    }
    const total = (
      db
        .prepare(
          'SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .get() as { n: number }
    ).n;
    return { provider: 'sqlite', label: target.label, applied, total };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- PostgreSQL

function postgresWhere(url: string): { where: string; user: string; database: string } {
  const u = new URL(url);
  return {
    where: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
    user: decodeURIComponent(u.username) || '(default user)',
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function pgCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

async function openPgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A dropped connection is reported by the failing query; don't crash the process.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Connects with search_path set; a missing database is created, or (create = false) reported as null. */
async function connectPostgres(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
  log: (line: string) => void,
  create: false,
): Promise<pg.Client | null>;
async function connectPostgres(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
  log: (line: string) => void,
  create?: true,
): Promise<pg.Client>;
async function connectPostgres(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
  log: (line: string) => void,
  create = true,
): Promise<pg.Client | null> {
  const { where, user, database } = postgresWhere(target.url);
  let client: pg.Client;
  try {
    client = await openPgClient(target.url);
  } catch (e) {
    const code = pgCode(e);
    if (code === '3D000' && !create) {
      return null;
    } else if (code === '3D000' && database) {
      // Like `prisma migrate deploy`: create a missing database when allowed.
      await createPostgresDatabase(target.url, database, where);
      log(`created database ${database} on ${where}`);
      client = await openPgClient(target.url);
    } else if (code === '28P01' || code === '28000') {
      throw new DatabaseSetupError(
        `PostgreSQL at ${where} refused user "${user}": ${errorMessage(e)}. Fix the user or password in DATABASE_URL.`,
      );
    } else {
      throw new DatabaseSetupError(
        `cannot reach PostgreSQL at ${where} (from DATABASE_URL): ${errorMessage(e) || code || 'connection failed'}. ` +
          'Start PostgreSQL there, or point DATABASE_URL at a running server.',
      );
    }
  }
  await client.query(`SET search_path TO ${quoteIdent(target.schema ?? 'public')}`);
  return client;
}

async function createPostgresDatabase(url: string, database: string, where: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  let client: pg.Client | undefined;
  try {
    client = await openPgClient(maintenance.toString());
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (e) {
    if (pgCode(e) === '42P04') return; // created meanwhile by another instance
    throw new DatabaseSetupError(
      `PostgreSQL at ${where} has no database "${database}" and Quire could not create it (${errorMessage(e)}). ` +
        `Create it (e.g. \`createdb -h ${where.replace(/:.*/, '')} -p ${where.replace(/.*:/, '')} ${database}\`) or fix DATABASE_URL.`,
    );
  } finally {
    await client?.end();
  }
}

async function postgresHasMigrationsTable(client: pg.Client): Promise<boolean> {
  const r = await client.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'",
  );
  return r.rowCount !== null && r.rowCount > 0;
}

async function acquirePostgresLock(client: pg.Client, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = false;
  for (;;) {
    const r = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_ADVISORY_LOCK,
    ]);
    if (r.rows[0]?.locked) return;
    if (!waiting) log('another instance is migrating this database; waiting for it…');
    waiting = true;
    if (Date.now() > deadline) {
      throw new DatabaseSetupError(
        `waited ${Math.round(timeoutMs / 1000)} s for PostgreSQL advisory lock ${PRISMA_ADVISORY_LOCK} (held by another migration). ` +
          'If no migration is running, find the session holding it: ' +
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_ADVISORY_LOCK}; and end it with pg_terminate_backend(pid).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function migratePostgres(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
  local: LocalMigration[],
  dir: string,
  log: (line: string) => void,
  lockTimeoutMs: number,
): Promise<ApplyMigrationsResult> {
  const client = await connectPostgres(target, log);
  try {
    await acquirePostgresLock(client, lockTimeoutMs, log);
    // As `prisma migrate deploy` does for a `?schema=` other than public.
    if (target.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)}`);
    if (!(await postgresHasMigrationsTable(client))) {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
      );
      if (tables.rows.length > 0)
        throw nonEmptyDatabaseError(
          target,
          tables.rows.map((t) => t.table_name),
        );
      await client.query(POSTGRES_MIGRATIONS_TABLE);
    }

    const history = compareHistory(local, (await client.query<MigrationRow>(SELECT_ROWS)).rows);
    refuseBrokenHistory(history, target, dir);
    warnUnknown(history, target, log);

    const applied: string[] = [];
    for (const m of history.pending) {
      log(`applying ${m.name}…`);
      const started = Date.now();
      const startedAt = new Date();
      try {
        // DDL is transactional in PostgreSQL: a failing migration leaves nothing behind.
        // A parameterless query uses the simple protocol, which runs the whole file.
        await client.query('BEGIN');
        await client.query(m.script);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), checksumOf(m.script), m.name, startedAt],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw migrationFailedError(target, dir, m, e);
      }
      applied.push(m.name);
      log(`applied ${m.name} (${Date.now() - started} ms)`);
    }
    const total = await client.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return { provider: 'postgresql', label: target.label, applied, total: Number(total.rows[0]?.n ?? 0) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------- shared errors

function warnUnknown(history: History, target: DatabaseTarget, log: (line: string) => void): void {
  // `prisma migrate deploy` ignores these too; most often an older checkout runs against a newer database.
  if (history.unknown.length > 0) {
    log(
      `warning: ${target.label} has migrations this checkout does not know: ${history.unknown.join(', ')} (is the code older than the database?)`,
    );
  }
}

function nonEmptyDatabaseError(target: DatabaseTarget, tables: string[]): DatabaseSetupError {
  return new DatabaseSetupError(
    `${target.label} already has tables (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}) but no migration history (_prisma_migrations). ` +
      'Quire will not guess what they are: point DATABASE_URL at an empty database, or baseline this one with ' +
      '`npx prisma migrate resolve --applied <migration>` for each migration it already contains.',
  );
}

function migrationFailedError(target: DatabaseTarget, dir: string, m: LocalMigration, e: unknown): DatabaseSetupError {
  return new DatabaseSetupError(
    `${target.label}: migration ${m.name} failed and was rolled back, so the database is unchanged: ${errorMessage(e)}. ` +
      `Fix ${displayPath(path.join(dir, m.name, 'migration.sql'))} (it was never applied, so editing it is safe) and start again.`,
  );
}
