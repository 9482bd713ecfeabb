// The README's Configuration table is where a blog owner learns what can be set: it names every
// setting the blog reads, and nothing the code no longer reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** What the blog runs: the app, its libraries and scripts, and the test harness a blog owner runs. */
const BLOG_CODE = [
  'app',
  'components',
  'lib',
  'scripts',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'prisma.config.ts',
  'playwright.config.ts',
];
/** Set by Node or Next, or by one of the blog's own scripts for another: not the owner's to set. */
const NOT_SETTINGS = new Set(['NODE_ENV', 'NEXT_RUNTIME', 'E2E_KEEP_DATABASE']);

/** The code files under `entry` (or `entry` itself), with or without the unit tests. */
function sourceFiles(entry: string, withTests = false): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(entry, name))
    .filter(
      (file) =>
        /\.(ts|tsx|mjs|js)$/.test(file) &&
        (withTests || !/\.test\.ts$/.test(file)) &&
        !file.includes(`${path.sep}generated${path.sep}`),
    );
}

/** Names read as `process.env.NAME`, `env.NAME` or `env['NAME']`. */
function settingsRead(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g))
      names.add((match[1] ?? match[2])!);
  }
  return names;
}

/** The names in the first column of the Configuration section's table. */
function settingsDocumented(): Set<string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('\n## Configuration\n'),
    readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1),
  );
  const names = new Set<string>();
  for (const line of section.split('\n').filter((row) => row.startsWith('| `'))) {
    const firstCell = line.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(match[1]!);
  }
  return names;
}

describe('the README’s Configuration table', () => {
  const read = settingsRead(BLOG_CODE.flatMap((entry) => sourceFiles(entry)));
  const documented = settingsDocumented();

  it('is found, and holds the settings every blog has', () => {
    for (const name of ['PORT', 'DATABASE_URL', 'AUTH_SECRET', 'SITE_URL']) expect(documented).toContain(name);
    expect(read).toContain('DATABASE_URL');
  });

  it('names every setting the blog reads', () => {
    expect([...read].filter((name) => !documented.has(name) && !NOT_SETTINGS.has(name)).sort()).toEqual([]);
  });

  it('names no setting the blog no longer reads', () => {
    const readAnywhere = settingsRead([...BLOG_CODE, 'e2e'].flatMap((entry) => sourceFiles(entry, true)));
    expect([...documented].filter((name) => !readAnywhere.has(name)).sort()).toEqual([]);
  });
});
