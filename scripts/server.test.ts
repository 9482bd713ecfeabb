// The server's own settings are checked before it loads Next, so a bad one stops the start at once.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the server from a copy of the scripts alone, with `settings`: without node_modules beside it
 * Next cannot load, so a setting the server let through can never start a blog here.
 */
async function startServer(settings: Record<string, string>): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-server-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  for (const name of readdirSync('scripts').filter((file) => file.endsWith('.mjs')))
    copyFileSync(path.resolve('scripts', name), path.join(dir, 'scripts', name));
  const env = { ...process.env };
  for (const name of ['PAGE_CACHE_POLL_MS', 'PAGE_CACHE_MAX_AGE']) delete env[name];
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(dir, 'scripts', 'server.mjs')], {
      cwd: dir,
      env: { ...env, ...settings },
      timeout: 20_000,
    });
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('PAGE_CACHE_POLL_MS', () => {
  it.each(['500ms', '0.5', '10', '', '9999999999'])(
    'stops the start on %j, naming it, its default and the value',
    async (value) => {
      const result = await startServer({ PAGE_CACHE_POLL_MS: value });
      expect(result.code).toBe(1);
      expect(result.out).toContain(
        `quire: PAGE_CACHE_POLL_MS must be a whole number of milliseconds from 50 to 3600000 (default 500), not "${value}"`,
      );
    },
  );

  it('lets a whole number of milliseconds through to Next', async () => {
    const result = await startServer({ PAGE_CACHE_POLL_MS: '250' });
    expect(result.out).not.toContain('PAGE_CACHE_POLL_MS');
    // What stopped it is the missing Next of the copy, so the setting was accepted.
    expect(result.out).toContain("Cannot find package 'next'");
  });
});

describe('PORT', () => {
  it.each(['abc', '3000.5', '-1', '70000', '', ' ', '0', '0x50'])('stops the start on %j, naming it, its range and the value', async (value) => {
    const result = await startServer({ PORT: value });
    expect(result.code).toBe(1);
    expect(result.out).toContain(`quire: PORT must be a whole number from 1 to 65535 (default 3000), not "${value}"`);
  });
});

describe('switches and numbers read later', () => {
  it.each([
    ['PAGE_CACHE', 'false', '"on" or "off" (default on)'],
    ['TRUST_PROXY', 'yes', '"1" or "true" behind one proxy, "0", "false" or unset otherwise'],
    ['FORM_MIN_SECONDS', '8s', 'a number of seconds such as 3 or 0.5 (default 3)'],
  ])('stops the start on %s=%j instead of quietly using the default', async (name, value, what) => {
    const result = await startServer({ [name]: value });
    expect(result.code).toBe(1);
    expect(result.out).toContain(`quire: ${name} must be ${what}, not "${value}"`);
  });

  it('lets the values the README names through to Next', async () => {
    const result = await startServer({ PAGE_CACHE: 'off', TRUST_PROXY: 'true', FORM_MIN_SECONDS: '0.5' });
    expect(result.out).not.toMatch(/must be/);
    expect(result.out).toContain("Cannot find package 'next'");
  });
});
