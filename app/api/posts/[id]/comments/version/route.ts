// GET /api/posts/{id}/comments/version?since=N — the live check: 204 when nothing changed, else 200
// {version, count}; 404 for an id that is no published post (a draft, a typo), as the comments API says.
import { z } from 'zod';
import { getThreadState } from '@/lib/comments/queries';
import { getPostById } from '@/lib/content/posts';
import { jsonError } from '@/lib/http/json';
import { fromDigits } from '@/lib/comments/schemas';

const querySchema = z.object({ since: fromDigits(z.number().int().min(0)).default(0) });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, { since: 'since must be a version number.' });
  const post = await getPostById((await params).id);
  if (!post) return jsonError(404, { id: 'There is no post with that id.' });
  let thread;
  try {
    thread = await getThreadState(post.id);
  } catch {
    return jsonError(503, { request: 'Comments are temporarily unavailable.' });
  }
  if (thread.version === query.data.since)
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return Response.json(
    { version: thread.version, count: thread.publishedCount },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
