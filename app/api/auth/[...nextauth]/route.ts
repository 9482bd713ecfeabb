// Auth.js's own endpoints: csrf, session, providers, sign-in callbacks and sign-out. Password
// sign-ins through the API are rate limited here, as the sign-in form's action limits its own.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { atBlogAddress } from '@/lib/auth/request-origin';
import { clientIp } from '@/lib/http/client-ip';
import { jsonError, retryAfter } from '@/lib/http/json';
import { limitSigningIn, rateLimitMessage } from '@/lib/rate-limits';

export function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(atBlogAddress(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const limited = await limitSigningIn(clientIp(request.headers), await credentialsEmail(request));
    if (!limited.ok) return jsonError(429, { request: rateLimitMessage(limited) }, retryAfter(limited.retryAfterSeconds));
  }
  return handlers.POST(atBlogAddress(request));
}

/**
 * The email whose password Auth.js is about to check, read from the body as Auth.js reads it (JSON,
 * or a URL-encoded form whose last value of a repeated field wins): counting any other would let a
 * guesser's tries go uncounted.
 */
async function credentialsEmail(request: NextRequest): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  try {
    const body = await request.clone().text();
    if (type.includes('application/json')) return (JSON.parse(body) as { email?: unknown } | null)?.email;
    if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body)).email;
  } catch {
    // Unreadable: Auth.js finds no credentials in it either.
  }
  return null;
}
