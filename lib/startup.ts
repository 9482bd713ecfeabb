import { getCommentEpoch, getThreadVersions } from '@/lib/comments/queries';
import { ContentError } from '@/lib/content/errors';
import { contentWarnings, getAllPosts } from '@/lib/content/posts';
import { siteWarnings } from '@/lib/content/site';
import { checkDatabase } from '@/lib/db/health';
import { applyMigrations, DatabaseSetupError, resolveDatabaseUrl } from '@/lib/db/migrate';
import { parseHashCost, PasswordSetupError } from '@/lib/auth/passwords';
import { ensureAdminFromEnv } from '@/lib/moderation/admins';
import { parseLimits, RateLimitSetupError } from '@/lib/rate-limits';

/**
 * What the server does once before its first request: check the owner's content and bring the
 * database up to date, so `npm start` on a fresh clone needs no separate set-up step.
 */
export async function startQuire(): Promise<void> {
  shareCommentEpoch();
  try {
    await getAllPosts();
  } catch (error) {
    // A bad content file stops the start with its file, field and problem named.
    if (!(error instanceof ContentError)) throw error;
    console.error(`content error:\n${error.message}\nFix the file (or, for SITE_URL or CONTENT_DIR, the setting) named above, then start again.`);
    process.exit(1);
  }
  for (const warning of [...contentWarnings(), ...siteWarnings()]) console.warn(`content: ${warning}`);
  try {
    checkSettings();
  } catch (error) {
    // So does a setting that cannot work, named by what it says is wrong.
    if (!(error instanceof RateLimitSetupError || error instanceof DatabaseSetupError || error instanceof PasswordSetupError)) throw error;
    console.error(`setting error:\n${error.message}\nFix the setting above, then start again.`);
    process.exit(1);
  }
  const failure = await prepareDatabase();
  if (failure !== null) await reportDatabaseNotReady(failure);
}

/**
 * Settings whose mistakes would otherwise show only later, read once now: RATE_LIMITS as a server
 * error on the first comment or sign-in, DATABASE_URL as a blog whose comments never work,
 * PASSWORD_HASH_COST as a server error on every page.
 */
function checkSettings(): void {
  parseLimits(process.env.RATE_LIMITS);
  resolveDatabaseUrl();
  parseHashCost(process.env.PASSWORD_HASH_COST);
}

/** How long the start waits before trying a database that did not answer again. */
const DATABASE_RETRY_MS = 5_000;

/** Applies pending migrations and makes the ADMIN_EMAIL admin; what went wrong, or null. */
async function prepareDatabase(): Promise<string | null> {
  try {
    await applyMigrations();
    const admin = await ensureAdminFromEnv();
    if (admin) console.log(admin);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The blog still serves its posts; comments report themselves unavailable until the database is
 * ready. One that does not answer yet (started after the blog, say) is tried again every few
 * seconds in the background, so it needs no restart, and quietly, so an outage does not fill the
 * log. One that answers but fails (a migration that does not apply) is not retried: that needs a
 * fix, and running a failing migration again and again would only hold the database's lock.
 */
async function reportDatabaseNotReady(failure: string): Promise<void> {
  if (await answersButFailed(failure)) return;
  console.error(
    `quire: the database does not answer — comments will be unavailable until it does; trying again every ${DATABASE_RETRY_MS / 1000} s.\n${failure}`,
  );
  void (async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, DATABASE_RETRY_MS).unref());
      const next = await prepareDatabase();
      if (next === null) {
        console.log('quire: the database answers; comments are available.');
        return;
      }
      if (await answersButFailed(next)) return;
    }
  })();
}

/** A database that answers yet could not be prepared needs a fix, not another try: says so. */
async function answersButFailed(failure: string): Promise<boolean> {
  if (!(await checkDatabase()).ok) return false;
  console.error(
    `quire: the database answers but is not ready — comments will be unavailable until this is fixed and the blog started again.\n${failure}`,
  );
  return true;
}

/**
 * Where the page cache of scripts/server.mjs, which runs Next in its own process, reads the comment
 * epoch: a direct call, not a request to itself through Next (a poll through Next cost ~9 ms of
 * CPU, twice a second on every idle instance). The same answer as GET /api/comments/epoch.
 */
const COMMENT_EPOCH_READER = Symbol.for('quire.commentEpoch'); // the same key in scripts/server.mjs
/** When the epoch moved: which posts' threads changed, so only their pages are dropped. */
const THREAD_VERSIONS_READER = Symbol.for('quire.threadVersions'); // the same key in scripts/server.mjs

function shareCommentEpoch(): void {
  const shared = globalThis as typeof globalThis & Record<symbol, unknown>;
  shared[COMMENT_EPOCH_READER] = () => getCommentEpoch().catch(() => 'unavailable');
  // Failures reach the page cache, which then drops everything.
  shared[THREAD_VERSIONS_READER] = () => getThreadVersions();
}
