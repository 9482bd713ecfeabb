// GET /api/comments/epoch — a token that changes whenever any comment or comment setting changes.
// The server's page cache polls it to drop anonymous pages exactly when comments moved, on every instance.
import { getCommentEpoch } from '@/lib/comments/queries';

export async function GET(): Promise<Response> {
  const epoch = await getCommentEpoch().catch(() => 'unavailable');
  return Response.json({ epoch }, { headers: { 'Cache-Control': 'no-store' } });
}
