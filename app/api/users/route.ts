// POST /api/users — register a reader account: {email, name, password} → 201 {id}.
import { clientIp } from '@/lib/http/client-ip';
import { jsonError, readJsonBody, retryAfter } from '@/lib/http/json';
import { limitRegistering, rateLimitMessage } from '@/lib/rate-limits';
import { registerUser } from '@/lib/users/accounts';
import { registerSchema } from '@/lib/users/schemas';
import { fieldErrors } from '@/lib/comments/schemas';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = registerSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  const limited = await limitRegistering(clientIp(request.headers));
  if (!limited.ok) return jsonError(429, { request: rateLimitMessage(limited) }, retryAfter(limited.retryAfterSeconds));
  const result = await registerUser(parsed.data);
  if (!result.ok) return jsonError(409, { email: 'An account with this email already exists. Sign in instead.' });
  return Response.json({ id: result.user.id, name: result.user.name, email: result.user.email }, { status: 201 });
}
