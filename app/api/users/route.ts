// POST /api/users — register a reader account: {email, name, password} → 201 {id}.
import { jsonError, readJsonBody } from '@/lib/http/json';
import { registerUser } from '@/lib/users/accounts';
import { registerSchema } from '@/lib/users/schemas';
import { fieldErrors } from '@/lib/comments/schemas';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = registerSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  const result = await registerUser(parsed.data);
  if (!result.ok) return jsonError(409, { email: 'An account with this email already exists. Sign in instead.' });
  return Response.json({ id: result.user.id, name: result.user.name, email: result.user.email }, { status: 201 });
}
