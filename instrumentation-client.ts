// Runs in the browser before the page hydrates (Next's client instrumentation).
import { lastFragmentOnly } from '@/lib/http/fragment';

// Every address the router writes passes through history, so it is set right there, before Next
// wraps these methods itself: see lib/http/fragment for the doubled fragments this undoes.
for (const method of ['pushState', 'replaceState'] as const) {
  const write = window.history[method].bind(window.history);
  window.history[method] = (data: unknown, unused: string, url?: string | URL | null) =>
    write(data, unused, typeof url === 'string' ? lastFragmentOnly(url) : url instanceof URL ? new URL(lastFragmentOnly(url.href)) : url);
}
