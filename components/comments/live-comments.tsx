'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

const POLL_MS = 3_000;

/**
 * Keeps an open post page current: every few seconds, while the tab is visible, one small request
 * asks whether the thread changed since the version this page shows. "No" is an empty 204; "yes"
 * re-renders the page's server parts in place, keeping whatever is typed in its forms.
 */
export function LiveComments({ postId, version }: { postId: string; version: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  // Read by the checks rather than restarting them: the checks keep one steady beat from the moment
  // the page opened. Restarting on each refresh would make a comment sent just after one wait a
  // whole new interval, on top of the refresh that showed the last.
  const shown = useRef({ version, refreshing });
  useEffect(() => {
    shown.current = { version, refreshing };
  }, [version, refreshing]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const check = async () => {
      // While a refresh is still on its way (a slow server), asking again would only start another.
      if (document.visibilityState === 'visible' && !shown.current.refreshing) {
        try {
          const since = shown.current.version;
          const response = await fetch(`/api/posts/${encodeURIComponent(postId)}/comments/version?since=${since}`, {
            cache: 'no-store',
          });
          if (response.status === 200 && !stopped) startTransition(() => router.refresh());
        } catch {
          // Offline for a moment: try again on the next tick.
        }
      }
      if (!stopped) timer = setTimeout(check, POLL_MS);
    };
    timer = setTimeout(check, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [postId, router]);
  return null;
}
