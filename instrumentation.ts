/**
 * Runs once when the server starts: check the owner's content and bring the database up to date,
 * so `npm start` on a fresh clone needs no separate set-up step.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getAllPosts } = await import('@/lib/content/posts');
  const { applyMigrations } = await import('@/lib/db/migrate');
  const { ContentError } = await import('@/lib/content/errors');
  try {
    await getAllPosts();
  } catch (error) {
    // A bad content file stops the start with its file, field and problem named.
    if (!(error instanceof ContentError)) throw error;
    console.error(`content error:\n${error.message}\nFix the file above, then start again.`);
    process.exit(1);
  }
  try {
    await applyMigrations();
    const { ensureAdminFromEnv } = await import('@/lib/moderation/admins');
    const admin = await ensureAdminFromEnv();
    if (admin) console.log(admin);
  } catch (error) {
    // The blog still serves its posts; comments report themselves unavailable until the database is back.
    console.error(`quire: the database is not ready — comments will be unavailable.\n${error instanceof Error ? error.message : error}`);
  }
}
