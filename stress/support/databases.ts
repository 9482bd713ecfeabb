// The databases the stress tests run on, each made for one test and removed after it: a SQLite
// file in a temporary folder, a quire_stress_* database on the shared PostgreSQL server, or a
// private PostgreSQL cluster (initdb + pg_ctl) that a test may stop and start again.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export function tempDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `quire-stress-${label}-`));
}

/** A new, empty database on the TEST_POSTGRES_URL server; drop() removes it even while connections remain. */
export async function createPostgresDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quire_stress_${label}_${randomUUID().slice(0, 8)}`;
  const server = new URL(POSTGRES_SERVER);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(server.hostname))
    throw new Error('stress tests use a local PostgreSQL only');
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** postgresql:// URL of the database `quire` on this cluster. */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

/**
 * A PostgreSQL cluster of our own on `port`, so it can be stopped under a running app without
 * touching anyone else's. PostgreSQL refuses to run as root: as root the cluster belongs to the
 * `postgres` user (runuser), otherwise to whoever runs the tests.
 */
export function startPrivatePostgres(port: number): PrivatePostgres {
  if (!existsSync(path.join(PG_BIN, 'initdb')))
    throw new Error(`no initdb in ${PG_BIN}; set PG_BIN to PostgreSQL's bin folder`);
  const dir = tempDir('pg');
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args]]
      : [path.join(PG_BIN, tool), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000, cwd: dir });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '30', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'quire']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/quire`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Comment rules for the tests: publish at once (the default holds a reader's first comments for an admin). */
export async function publishWithoutHolding(databaseUrl: string): Promise<void> {
  const { createDb } = await import('@/lib/db');
  const db = createDb(databaseUrl);
  try {
    const value = JSON.stringify({ holdFor: 'nobody' });
    await db.setting.upsert({ where: { key: 'comments' }, update: { value }, create: { key: 'comments', value } });
  } finally {
    await db.$disconnect();
  }
}
