// npm run content:check — read every content file as the blog will, and stop on the first problem,
// naming the file, the field and what is wrong. `npm run build` and `npm start` run it first.
// With --errors-only (as `npm start` runs it) warnings are left to the server, which tells them as
// it starts: told twice, they read as two problems. First: CONTENT_DIR may be set in .env.
import './load-env.mjs';
import { contentWarnings, getAllPosts, isPublished } from '../lib/content/posts';
import { ContentError } from '../lib/content/errors';
import { getSite, siteWarnings } from '../lib/content/site';

try {
  const site = getSite();
  const posts = await getAllPosts();
  const published = posts.filter((post) => isPublished(post)).length;
  if (!process.argv.includes('--errors-only'))
    for (const warning of [...contentWarnings(), ...siteWarnings(site)]) console.warn(`content: ${warning}`);
  const waiting = posts.length - published;
  console.log(
    `content ok: "${site.title}", ${posts.length} post${posts.length === 1 ? '' : 's'} (${published} published, ${waiting} ${waiting === 1 ? 'draft or scheduled' : 'drafts or scheduled'})`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`content error:\n${error.message}\nFix the file (or, for SITE_URL or CONTENT_DIR, the setting) named above, then run the command again.`);
    process.exit(1);
  }
  throw error;
}
