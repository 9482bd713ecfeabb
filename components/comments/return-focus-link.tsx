'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, type ComponentProps } from 'react';
import { SiteLink } from '@/components/site-link';

// The link a box was opened with (Reply, Edit), while its Cancel is being followed.
let returning: string | null = null;

/** Called by a box's Cancel: once the page has moved on, the link named `key` takes the focus back. */
export function returnFocusTo(key: string): void {
  returning = key;
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
