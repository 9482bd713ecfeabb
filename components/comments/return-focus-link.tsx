'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, type ComponentProps } from 'react';
import { SiteLink } from '@/components/site-link';

// The link a box was opened with (Reply, Edit), while its Cancel is being followed.
let returning: string | null = null;

/**
 * Called by a box's Cancel: once the page has moved on, the link named `key` takes the focus back,
 * or, with none drawn (no key: a box that had no link, or its link is not drawn now, the post
 * closed or the comment gone), ReturnFocusFallback's place does.
 */
export function returnFocusTo(key: string | null): void {
  returning = key ?? '';
}

/**
 * Where the focus goes after a Cancel whose opening link is not on the page (the element `to`,
 * the comments' heading), rather than to the top of the page. Asked once the page has moved on and
 * every link drawn had its turn; it also forgets a Cancel no link answered, so a link drawn much
 * later (the post reopened) does not take the focus from whatever the reader is doing then.
 */
export function ReturnFocusFallback({ to }: { to: string }) {
  const search = useSearchParams();
  useEffect(() => {
    if (returning === null) return;
    const timer = window.setTimeout(() => {
      if (returning === null) return;
      returning = null;
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const place = document.getElementById(to);
      if (!place) return;
      place.tabIndex = -1;
      place.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [search, to]);
  return null;
}

/**
 * A link that opens a box (Reply, Edit). Following a link moves no focus, so a keyboard or
 * screen-reader user who cancels the box would be left at the top of the page; this link takes
 * focus back when its box's Cancel has been followed (the address changes, or it is drawn again).
 */
export function ReturnFocusLink({ focusKey, ...props }: { focusKey: string } & ComponentProps<typeof SiteLink>) {
  const link = useRef<HTMLAnchorElement>(null);
  const search = useSearchParams();
  useEffect(() => {
    if (returning !== focusKey) return;
    returning = null;
    link.current?.focus();
  }, [focusKey, search]);
  return <SiteLink ref={link} {...props} />;
}
