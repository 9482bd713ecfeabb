// Auth.js's own endpoints: csrf, session, providers, sign-in callbacks and sign-out. Password
// sign-ins through the API are rate limited here, as the sign-in form's action limits its own.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { clientIp } from '@/lib/http/client-ip';
import { jsonError, retryAfter } from '@/lib/http/json';
import { limitSigningIn, rateLimitMessage } from '@/lib/rate-limits';

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const limited = await limitSigningIn(clientIp(request.headers), form?.get('email'));
    if (!limited.ok) return jsonError(429, { request: rateLimitMessage(limited) }, retryAfter(limited.retryAfterSeconds));
  }
  return handlers.POST(request);
}
