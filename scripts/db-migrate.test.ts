// `npm run db:migrate` and `npm run db:status` as a blog owner runs them from the shell.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
// Nothing listens on port 1: the database cannot be reached, whichever command asks.
const UNREACHABLE = 'postgresql://postgres@127.0.0.1:1/quire';

async function command(...args: string[]): Promise<{ code: number; err: string }> {
  try {
    const { stderr } = await run(process.execPath, [TSX, 'scripts/db-migrate.ts', ...args], {
      env: { ...process.env, DATABASE_URL: UNREACHABLE },
    });
    return { code: 0, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, err: failed.stderr ?? '' };
  }
}

describe('database commands', () => {
  it('name the command the owner typed when the database cannot be reached, and say what to do', async () => {
    const [migrate, status] = await Promise.all([command(), command('--status')]);
    expect(migrate.code).toBe(1);
    expect(migrate.err).toMatch(/^db:migrate: cannot reach PostgreSQL at 127\.0\.0\.1:1 .*Start PostgreSQL there/);
    expect(status.code).toBe(1);
    expect(status.err).toMatch(/^db:status: cannot reach PostgreSQL at 127\.0\.0\.1:1 .*Start PostgreSQL there/);
  });
});
