/**
 * The reader's address as the nearest proxy reports it. Only used to hash for rate limits and
 * moderation, never shown; behind no proxy the header is absent and this is null.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}
