import { type NextRequest, NextResponse } from 'next/server';

/**
 * Writes must come from the blog's own pages. A POST, PUT, PATCH or DELETE whose Origin (or, when a
 * browser sends none, Sec-Fetch-Site) says another site sent it is refused before it reaches a
 * server action or an API handler — each of which still checks the viewer itself.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return NextResponse.next();
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let crossSite = request.headers.get('sec-fetch-site') === 'cross-site';
  if (origin && origin !== 'null') {
    try {
      crossSite = new URL(origin).host !== host;
    } catch {
      crossSite = true;
    }
  } else if (origin === 'null') {
    crossSite = true;
  }
  if (!crossSite) return NextResponse.next();
  return NextResponse.json(
    { error: 'Requests from other sites are not accepted.', errors: { request: 'Requests from other sites are not accepted.' } },
    { status: 403 },
  );
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
