// GET /api/health — 200 when the database answers, 503 naming what is down.
import { checkDatabase } from '@/lib/db/health';

export async function GET(): Promise<Response> {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? 'ok' : 'degraded', database },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
