#!/usr/bin/env node
// `npm start`: build when there is no current build, then serve the blog on PORT (default 3000).
import './load-env.mjs';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'public', 'prisma', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'];

function newestChange(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(full)) {
    if (name === 'generated' || name === 'node_modules') continue;
    newest = Math.max(newest, newestChange(path.join(entry, name)));
  }
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return sources.every((entry) => newestChange(entry) <= builtAt);
}

// The owner's files are checked on every start: a bad one is named before anything is built or
// served. Their warnings are the server's to tell, once, as it starts.
const check = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/check-content.ts', '--errors-only'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (check.status !== 0) process.exit(check.status ?? 1);

if (!buildIsCurrent()) {
  console.log('quire: no current build, running `next build` (about a minute)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('quire: the build failed (see above). Fix the reported file, then run `npm start` again.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
