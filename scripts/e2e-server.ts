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
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? `${dbUrl.protocol}//${dbUrl.username}@${dbUrl.host}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  console.log(`e2e-server: fresh PostgreSQL database ${name}`);
}

if (process.env.E2E_KEEP_DATABASE === '1') console.log('e2e-server: joining the database another instance prepared');
else await resetDatabase();
const server = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
