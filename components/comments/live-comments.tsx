'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const POLL_MS = 3_000;

/**
 * Keeps an open post page current: every few seconds, while the tab is visible, one small request
 * asks whether the thread changed since the version this page shows. "No" is an empty 204; "yes"
 * re-renders the page's server parts in place, keeping whatever is typed in its forms.
 */
export function LiveComments({ postId, version }: { postId: string; version: number }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const check = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const response = await fetch(`/api/posts/${encodeURIComponent(postId)}/comments/version?since=${version}`, {
            cache: 'no-store',
          });
          if (response.status === 200 && !stopped) router.refresh();
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
  }, [postId, version, router]);
  return null;
}
