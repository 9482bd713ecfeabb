// `npm run admin -- promote|demote <email>` as a blog owner runs it from the shell.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resolveDatabaseUrl } from '@/lib/db/migrate';
import { useTestDatabase } from '@/lib/db/test-suite';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

describe('npm run admin', () => {
  const database = useTestDatabase('sqlite');

  beforeAll(async () => {
    await getDb().user.create({ data: { email: 'keeper@example.com', name: 'Keeper' } });
  });

  /** The command's exit code and what it printed. */
  async function admin(...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [TSX, 'scripts/admin.ts', ...args], {
        env: { ...process.env, DATABASE_URL: database().url },
      });
      return { code: 0, out: `${stdout}${stderr}`.trim() };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim() };
    }
  }

  const roleOf = async (email: string) => (await getDb().user.findUnique({ where: { email }, select: { role: true } }))?.role;

  /** The database the command names first, so a mistyped DATABASE_URL shows. */
  const named = () => `admin: database ${resolveDatabaseUrl(database().url).label}`;

  it('promotes and demotes an account by email, saying on which database and what it did', async () => {
    expect(await admin('promote', 'Keeper@Example.com')).toEqual({ code: 0, out: `${named()}\nkeeper@example.com is now an admin` });
    expect(await roleOf('keeper@example.com')).toBe('admin');
    expect(await admin('demote', 'keeper@example.com')).toEqual({ code: 0, out: `${named()}\nkeeper@example.com is now a reader` });
    expect(await roleOf('keeper@example.com')).toBe('reader');
  });

  it('says how to use it, or that the account does not exist, and exits non-zero', async () => {
    expect(await admin('crown', 'keeper@example.com')).toEqual({
      code: 2,
      out: 'usage: npm run admin -- promote <email>   (or demote <email>)',
    });
    const missing = await admin('promote', 'nobody@example.com');
    expect(missing.code).toBe(1);
    expect(missing.out).toBe(`${named()}\nadmin: no account with email nobody@example.com; the person must register first`);
  });

  it('makes no database where DATABASE_URL names none, and says to check it', async () => {
    const typo = path.join(path.dirname(database().url.replace(/^file:/, '')), 'typo.db');
    const result = await run(process.execPath, [TSX, 'scripts/admin.ts', 'promote', 'keeper@example.com'], {
      env: { ...process.env, DATABASE_URL: `file:${typo}` },
    }).then(
      () => ({ code: 0, out: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, out: error.stderr ?? '' }),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain('holds no blog (nothing was created or changed): check DATABASE_URL');
    expect(existsSync(typo)).toBe(false);
  });
});
