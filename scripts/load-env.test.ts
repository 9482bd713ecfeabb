// `.env` as the blog owner uses it: settings in a file beside the app, the environment winning.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFileIfPresent } from './load-env.mjs';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const ENTRY_POINTS = ['server.mjs', 'start.mjs', 'check-content.ts', 'db-migrate.ts', 'admin.ts'];

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the app holding `scripts` (copied), the other `links` (linked) and `.env`. */
function appCopy(scripts: string[], links: string[], env: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-env-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  // Every module the entry points may import beside them (the server's page store, say) comes too.
  const modules = readdirSync('scripts').filter((name) => name.endsWith('.mjs'));
  for (const name of new Set([...modules, ...scripts]))
    copyFileSync(path.resolve('scripts', name), path.join(dir, 'scripts', name));
  for (const name of links) symlinkSync(path.resolve(name), path.join(dir, name));
  writeFileSync(path.join(dir, '.env'), env);
  return dir;
}

/** The environment of the test run without the given settings, as a shell that never set them. */
function environmentWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

/** Runs a command to its end (bounded), with its exit code and what it printed. */
async function outcome(command: Promise<{ stdout: string; stderr: string }>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await command;
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('loadEnvFileIfPresent', () => {
  const names = ['QUIRE_TEST_FROM_FILE', 'QUIRE_TEST_SET', 'QUIRE_TEST_EMPTY'];
  afterEach(() => {
    for (const name of names) delete process.env[name];
  });

  it('adds what the file sets and leaves what the environment already sets, even to ""', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-env-'));
    made.push(dir);
    const file = path.join(dir, '.env');
    writeFileSync(file, 'QUIRE_TEST_FROM_FILE=file\nQUIRE_TEST_SET=file\nQUIRE_TEST_EMPTY=file\n');
    process.env.QUIRE_TEST_SET = 'shell';
    process.env.QUIRE_TEST_EMPTY = '';
    loadEnvFileIfPresent(file);
    expect(process.env.QUIRE_TEST_FROM_FILE).toBe('file');
    expect(process.env.QUIRE_TEST_SET).toBe('shell');
    expect(process.env.QUIRE_TEST_EMPTY).toBe('');
  });

  it('does nothing when there is no file', () => {
    expect(() => loadEnvFileIfPresent(path.join(tmpdir(), 'quire-no-such-dir', '.env'))).not.toThrow();
  });
});

describe('.env in the entry points', () => {
  it.each(ENTRY_POINTS)('%s loads it before any other module reads a setting', (name) => {
    const source = readFileSync(path.resolve('scripts', name), 'utf8');
    const firstImport = source.match(/^import\s[^;]*;/m)?.[0];
    expect(firstImport).toBe("import './load-env.mjs';");
  });

  it('the server takes its own settings from it, before Next starts', async () => {
    // A bad cache setting stops the server before it loads Next: proof the file was read first.
    const dir = appCopy(['server.mjs'], [], 'PAGE_CACHE_MAX_AGE=-1\n');
    const result = await outcome(
      run(process.execPath, [path.join(dir, 'scripts', 'server.mjs')], {
        cwd: dir,
        env: environmentWithout('PAGE_CACHE_MAX_AGE'),
        timeout: 20_000,
      }),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain('PAGE_CACHE_MAX_AGE must be a number of seconds above 0 (default 60), not "-1"');
  });

  it('the content check reads CONTENT_DIR from it', async () => {
    const content = path.resolve('e2e/fixtures/content');
    const dir = appCopy(
      ['check-content.ts'],
      ['lib', 'node_modules', 'package.json', 'tsconfig.json'],
      `CONTENT_DIR=${content}\n`,
    );
    const result = await outcome(
      run(process.execPath, [TSX, 'scripts/check-content.ts'], {
        cwd: dir,
        env: environmentWithout('CONTENT_DIR'),
        timeout: 30_000,
      }),
    );
    expect(result.out).toContain('content ok: "The Fixture Gazette"');
    expect(result.code).toBe(0);
  });
});
