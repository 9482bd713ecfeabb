// Throwaway databases for tests: a temp SQLite file, or a fresh PostgreSQL database
// on the server named by TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import pg from 'pg';
import { applyMigrations, type DatabaseProvider } from './migrate';

export interface TestDatabase {
  provider: DatabaseProvider;
  url: string;
  /** Deletes the database (PostgreSQL: WITH (FORCE), so open connections do not block it). */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply the committed migrations (default true). */
  migrate?: boolean;
}

export async function createTestDatabase(
  provider: DatabaseProvider,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const db = provider === 'sqlite' ? createSqlite() : await createPostgres();
  if (options.migrate ?? true) {
    try {
      await applyMigrations({ url: db.url, log: () => {} });
    } catch (e) {
      await db.drop();
      throw e;
    }
  }
  return db;
}

function createSqlite(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-test-'));
  return {
    provider: 'sqlite',
    url: `file:${path.join(dir, 'quire.db')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgres(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error('PostgreSQL tests need TEST_POSTGRES_URL, e.g. postgresql://postgres@127.0.0.1:5432/test');
  }
  const name = `quire_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    provider: 'postgresql',
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
