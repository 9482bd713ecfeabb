// GET /api/health — 200 when the database answers, 503 saying it does not (why: in the server's log).
import { reportHealth } from '@/lib/db/health';

export async function GET(): Promise<Response> {
  const { status, body } = await reportHealth();
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
