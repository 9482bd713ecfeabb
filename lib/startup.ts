import { getCommentEpoch, getThreadVersions } from '@/lib/comments/queries';
import { ContentError } from '@/lib/content/errors';
import { getAllPosts } from '@/lib/content/posts';
import { applyMigrations } from '@/lib/db/migrate';
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
    console.error(`content error:\n${error.message}\nFix the file above, then start again.`);
    process.exit(1);
  }
  try {
    checkSettings();
  } catch (error) {
    // So does a setting that cannot work, named by what it says is wrong.
    if (!(error instanceof RateLimitSetupError)) throw error;
    console.error(`setting error:\n${error.message}\nFix the setting above, then start again.`);
    process.exit(1);
  }
  try {
    await applyMigrations();
    const admin = await ensureAdminFromEnv();
    if (admin) console.log(admin);
  } catch (error) {
    // The blog still serves its posts; comments report themselves unavailable until the database is back.
    console.error(`quire: the database is not ready — comments will be unavailable.\n${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Settings the app reads only when a request needs them, read once now: a mistake in one would
 * otherwise first show as a server error on the first comment or sign-in.
 */
function checkSettings(): void {
  parseLimits(process.env.RATE_LIMITS);
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
