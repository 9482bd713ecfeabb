// Starts one blog server for the end-to-end tests on a database of its own, emptied first:
// a SQLite file under data/, or a PostgreSQL database on the TEST_POSTGRES_URL server.
// Refuses any database that is not local, so e2e can never touch a real blog's comments.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { resolveDatabaseUrl } from '../lib/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('e2e-server: DATABASE_URL must name the test database.');
const target = resolveDatabaseUrl(url);

async function resetDatabase(): Promise<void> {
  if (target.provider === 'sqlite') {
    if (!path.basename(target.file).startsWith('e2e-')) throw new Error(`e2e-server: refusing to empty ${target.file}: not an e2e database`);
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target.file}${suffix}`, { force: true });
    console.log(`e2e-server: fresh SQLite database ${path.relative(process.cwd(), target.file)}`);
    return;
  }
  const dbUrl = new URL(target.url);
  const name = dbUrl.pathname.slice(1);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(dbUrl.hostname) || !name.startsWith('quire_e2e')) {
    throw new Error(`e2e-server: refusing to reset ${dbUrl.hostname}/${name}: e2e uses local quire_e2e* databases only`);
  }
  await asPostgresAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  console.log(`e2e-server: fresh PostgreSQL database ${name}`);
}

/** The PostgreSQL database made for this run goes once its server stops: a shared server is not left holding test databases. */
async function dropDatabase(): Promise<void> {
  if (target.provider !== 'postgresql') return;
  const name = new URL(target.url).pathname.slice(1);
  // FORCE: the second instance on the same database may still be closing its connections.
  await asPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  console.log(`e2e-server: dropped PostgreSQL database ${name}`);
}

async function asPostgresAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const dbUrl = new URL(target.url);
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? `${dbUrl.protocol}//${dbUrl.username}@${dbUrl.host}/postgres` });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const prepares = process.env.E2E_KEEP_DATABASE !== '1';
if (prepares) await resetDatabase();
else console.log('e2e-server: joining the database another instance prepared');
const server = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => {
  // Playwright stops the servers with SIGTERM when the run ends (gracefulShutdown in playwright.config.ts).
  const dropped = prepares ? dropDatabase() : Promise.resolve();
  dropped
    .catch((error: unknown) => console.error(`e2e-server: could not drop the test database: ${String(error)}`))
    .finally(() => process.exit(code ?? 0));
});
