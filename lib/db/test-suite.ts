// Database suites each get a fresh, migrated database of their own on every provider, so no suite sees
// another's rows. PostgreSQL runs only where TEST_POSTGRES_URL names a server, as CI sets it.
import process from 'node:process';
import { afterAll, beforeAll, vi } from 'vitest';
import { getDb } from './index';
import type { DatabaseProvider } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PROVIDERS: readonly { provider: DatabaseProvider; enabled: boolean }[] = [
  { provider: 'sqlite', enabled: true },
  { provider: 'postgresql', enabled: Boolean(process.env.TEST_POSTGRES_URL) },
];

export interface UseTestDatabaseOptions {
  /** More environment for the whole suite, stubbed with DATABASE_URL. */
  env?: Record<string, string>;
  /** Creating and migrating a database can be slow on a busy machine or a cold PostgreSQL. */
  timeout?: number;
}

/**
 * Gives the surrounding describe a database of its own. Call it first in the describe body: vitest
 * runs beforeAll hooks in order and afterAll hooks in reverse, so the suite's own seeding finds the
 * database ready and its own clean-up runs before the database goes.
 */
export function useTestDatabase(
  provider: DatabaseProvider,
  { env = {}, timeout = 60_000 }: UseTestDatabaseOptions = {},
): () => TestDatabase {
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    vi.stubEnv('DATABASE_URL', database.url);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  }, timeout);
  afterAll(async () => {
    if (database) await getDb().$disconnect();
    vi.unstubAllEnvs();
    await database?.drop();
  }, timeout);

  return () => {
    if (!database) throw new Error(`the ${provider} test database is made in beforeAll; ask for it in a test or hook`);
    return database;
  };
}
