// npm run admin -- promote <email> | demote <email>
import './load-env.mjs';
import { applyMigrations, getMigrationStatus } from '../lib/db/migrate';
import { setRoleByEmail } from '../lib/moderation/admins';

const [command, email] = process.argv.slice(2);
if ((command !== 'promote' && command !== 'demote') || !email) {
  console.error('usage: npm run admin -- promote <email>   (or demote <email>)');
  process.exit(2);
}
try {
  // The accounts are in the blog's database: one that does not exist yet (a mistyped DATABASE_URL)
  // is not made here, where it would only answer that nobody has registered.
  const status = await getMigrationStatus();
  if (!status.exists || status.applied.length === 0) {
    console.error(
      `admin: ${status.label} holds no blog (nothing was created or changed): check DATABASE_URL, or start the blog once (npm start) to make its database`,
    );
    process.exit(1);
  }
  console.log(`admin: database ${status.label}`);
  // A blog updated but not restarted yet may have migrations to apply before its accounts are read.
  await applyMigrations({ log: () => {} });
  console.log(await setRoleByEmail(email, command === 'promote' ? 'admin' : 'reader'));
} catch (error) {
  console.error(`admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
