#!/usr/bin/env node
// Generates Quire's two Prisma clients (run by `npm install` as postinstall):
//   prisma/sqlite/schema.prisma   -> lib/db/generated/sqlite
//   prisma/postgres/schema.prisma -> lib/db/generated/postgres
// `prisma generate` does not use Prisma's schema engine, but it first makes sure the
// engine binary exists and tries to download it if not, which fails (or hangs) on
// machines that cannot reach Prisma's download host. When PRISMA_SCHEMA_ENGINE_BINARY
// is unset, this script points it, for the generate commands only, at
// scripts/no-schema-engine.mjs. Nothing else changes: `prisma migrate …` run later
// still downloads or uses the real engine as usual.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
// CHECKPOINT_DISABLE: skip Prisma's update check, a network call that only slows installs down.
const env = { CHECKPOINT_DISABLE: '1', ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY)
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'scripts', 'no-schema-engine.mjs');

const started = Date.now();
console.log('prisma-generate: generating the SQLite and PostgreSQL Prisma clients into lib/db/generated/');
for (const provider of ['sqlite', 'postgres']) {
  const schema = path.join('prisma', provider, 'schema.prisma');
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema, '--no-hints'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? `${run.error.message}\n` : ''}`);
    console.error(
      `prisma-generate: FAILED for ${schema}. Fix the error above, then run \`node scripts/prisma-generate.mjs\` again ` +
        '(it runs `prisma generate --schema <file>` for each schema). If it is about the schema engine, set ' +
        'PRISMA_SCHEMA_ENGINE_BINARY to an existing schema-engine executable or unset it.',
    );
    process.exit(1);
  }
  console.log(`prisma-generate:   ${provider} client -> lib/db/generated/${provider}`);
}
console.log(`prisma-generate: done, 2 clients generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
