// POST /api/users — register a reader account: {email, name, password} → 201 {id, name, email}.
import { clientIp } from '@/lib/http/client-ip';
import { jsonError, readJsonBody, retryAfter } from '@/lib/http/json';
import { registerReader } from '@/lib/users/registration';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const result = await registerReader(body.value, clientIp(request.headers));
  if (!result.ok) return jsonError(result.status, result.errors, retryAfter(result.retryAfterSeconds));
  const { user } = result;
  return Response.json({ id: user.id, name: user.name, email: user.email }, { status: 201 });
}
