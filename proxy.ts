import { type NextRequest, NextResponse } from 'next/server';
import { refusedWrite, tellOwnerMisaddressed, writeOrigin } from '@/lib/http/write-origin';

/**
 * Writes must come from the blog's own pages. A POST, PUT, PATCH or DELETE whose Origin (or, when a
 * browser sends none, Sec-Fetch-Site) says another site sent it is refused before it reaches a
 * server action or an API handler — each of which still checks the viewer itself.
 */
export function proxy(request: NextRequest): Response {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return NextResponse.next();
  const origin = writeOrigin(request.headers);
  if (origin === 'blog') return NextResponse.next();
  if (origin === 'misaddressed') tellOwnerMisaddressed(request.headers);
  return refusedWrite(origin, /\btext\/html\b/.test(request.headers.get('accept') ?? ''));
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
