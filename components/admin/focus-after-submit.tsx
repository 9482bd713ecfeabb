'use client';

import { useEffect, useRef } from 'react';
import { focusAfterSend } from '@/components/comments/focus-after-send';

/**
 * Drawn inside a form the server draws (an admin's buttons on a post page, which work without
 * JavaScript): when the form is sent, the focus is promised to the first of `targets` (element
 * ids, space-separated) that the page its answer draws has, as the comment forms promise theirs
 * (FocusAfterSend). Otherwise it is left on the page itself, and the keyboard starts from the top.
 */
export function FocusAfterSubmit({ targets }: { targets: string }) {
  const mark = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = mark.current?.closest('form');
    if (!form) return;
    const promise = () => focusAfterSend(...targets.split(' '));
    form.addEventListener('submit', promise);
    return () => form.removeEventListener('submit', promise);
  }, [targets]);
  return <span ref={mark} hidden />;
}
