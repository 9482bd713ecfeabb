// GET /api/posts/{id}/comments — a page of published comments; POST — add a comment or reply.
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { postComment } from '@/lib/comments/post-comment';
import { writtenForApi } from '@/lib/comments/mutations';
import { listPublishedComments } from '@/lib/comments/queries';
import { unlessCommentsDown } from '@/lib/comments/unavailable';
import { isUnavailable } from '@/lib/db/health';
import { getPostById } from '@/lib/content/posts';
import { clientIp } from '@/lib/http/client-ip';
import { jsonError, readJsonBody, retryAfter } from '@/lib/http/json';
import { commentIdSchema, fieldErrors, fromDigits } from '@/lib/comments/schemas';

type Context = { params: Promise<{ id: string }> };

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 200.';
const listQuerySchema = z.object({
  cursor: commentIdSchema.optional(),
  limit: fromDigits(
    z.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE),
  ).default(50),
});

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const post = await getPostById((await params).id);
  if (!post) return jsonError(404, { id: 'There is no post with that id.' });
  const query = listQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, fieldErrors(query.error));
  const page = await unlessCommentsDown(() => listPublishedComments(post.id, query.data));
  if (isUnavailable(page)) return jsonError(page.status, page.errors);
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const result = await unlessCommentsDown(async () =>
    postComment({
      postId: (await params).id,
      viewer: await getViewer(),
      input: body.value,
      ip: clientIp(request.headers),
    }),
  );
  if (!result.ok) {
    return jsonError(
      result.status,
      result.errors,
      retryAfter('retryAfterSeconds' in result ? result.retryAfterSeconds : undefined),
    );
  }
  const { comment } = result;
  return Response.json({ comment: writtenForApi(comment) }, { status: comment.status === 'published' ? 201 : 202 });
}
