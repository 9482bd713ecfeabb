// npm run db:migrate   applies pending migrations to DATABASE_URL (the app also does this on start)
// npm run db:status    shows applied / pending migrations without changing anything
// Like Next, read DATABASE_URL from .env when it is not set in the environment.
import './load-env.mjs';
import process from 'node:process';
import { applyMigrations, DatabaseSetupError, getMigrationStatus } from '../lib/db/migrate';

async function status(): Promise<number> {
  const s = await getMigrationStatus();
  const list = (names: string[]) => (names.length > 0 ? `: ${names.join(', ')}` : '');
  console.log(`database: ${s.label}${s.exists ? '' : ' (does not exist yet; db:migrate creates it)'}`);
  console.log(`applied: ${s.applied.length}${list(s.applied)}`);
  console.log(`pending: ${s.pending.length}${list(s.pending)}`);
  if (s.failed.length > 0) console.log(`FAILED (recorded in _prisma_migrations): ${s.failed.join(', ')}`);
  if (s.edited.length > 0) console.log(`EDITED after being applied: ${s.edited.join(', ')}`);
  if (s.unknown.length > 0) console.log(`in the database but not in this checkout: ${s.unknown.join(', ')}`);
  const ok = s.pending.length === 0 && s.failed.length === 0 && s.edited.length === 0;
  console.log(
    ok
      ? 'database is up to date'
      : s.failed.length + s.edited.length > 0
        ? 'database needs attention (see above)'
        : 'run: npm run db:migrate',
  );
  return ok ? 0 : 1;
}

const asStatus = process.argv.includes('--status');
// Errors are prefixed with the command the owner typed.
const command = asStatus ? 'db:status' : 'db:migrate';
try {
  process.exitCode = asStatus ? await status() : (await applyMigrations(), 0);
} catch (e) {
  if (e instanceof DatabaseSetupError) {
    console.error(`${command}: ${e.message}`);
  } else {
    console.error(`${command}: unexpected error:`, e);
  }
  process.exitCode = 1;
}
