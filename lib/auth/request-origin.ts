import { NextRequest } from 'next/server';

/**
 * The request to Auth.js's endpoints as the reader sent it, at the blog's own address. Next builds
 * a request's URL from the address the server listens on (`http://0.0.0.0:3000`), and Auth.js takes
 * the addresses it answers with (the providers' callback URLs, where a sign-in redirects to, which
 * `callbackUrl` it accepts) from that URL. Unless `AUTH_URL` pins the address (Auth.js then uses
 * it) or the host is not trusted, the host the request names is the blog's: `X-Forwarded-Host`
 * from a proxy, else `Host`, as Auth.js itself reads them for sign-ins started on the server.
 */
export function atBlogAddress(request: NextRequest, env: Readonly<Record<string, string | undefined>> = process.env): NextRequest {
  if (env.AUTH_URL || env.NEXTAUTH_URL || env.AUTH_TRUST_HOST === 'false') return request;
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host'))?.split(',')[0]?.trim();
  if (!host) return request;
  let origin: string;
  try {
    origin = new URL(`${request.nextUrl.protocol}//${host}`).origin;
  } catch {
    return request; // not a host name: Auth.js goes on with the address it was given
  }
  const { href, origin: given } = request.nextUrl;
  return origin === given ? request : new NextRequest(href.replace(given, origin), request);
}
