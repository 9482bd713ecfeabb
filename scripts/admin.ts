// npm run admin -- promote <email> | demote <email>
import './load-env.mjs';
import { applyMigrations } from '../lib/db/migrate';
import { setRoleByEmail } from '../lib/moderation/admins';

const [command, email] = process.argv.slice(2);
if ((command !== 'promote' && command !== 'demote') || !email) {
  console.error('usage: npm run admin -- promote <email>   (or demote <email>)');
  process.exit(2);
}
try {
  await applyMigrations({ log: () => {} });
  console.log(await setRoleByEmail(email, command === 'promote' ? 'admin' : 'reader'));
} catch (error) {
  console.error(`admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
