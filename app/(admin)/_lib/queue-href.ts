/**
 * An address in the moderation queue: `/admin` with only the wishes that say something (the
 * pending tab is the default, so it is left out), for the queue's links and the actions' returns.
 */
export function queueHref(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== 'pending') params.set(key, String(value));
  const search = params.toString();
  return `/admin${search ? `?${search}` : ''}`;
}
