'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';

// When a form in the thread was last sent: only the answer to it may move the focus.
let sentAt = 0;
const ANSWER_WITHIN_MS = 15_000;

/**
 * Gives the focus to what the address's #fragment names: a comment (its card, not its replies) or
 * the comment section. Focused from a script only, so no element joins the Tab order.
 */
export function focusFragmentTarget(id: string): boolean {
  const named = document.getElementById(id);
  const target = named?.matches('li.comment') ? named.querySelector<HTMLElement>(':scope > article') : named;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return true;
}

/**
 * After a form in the thread sends the reader on (a saved edit to its comment, a delete back to
 * the thread, a new comment on another page), the focus goes where the address's #fragment now
 * points, as the eyes do: Next's router scrolls there but leaves the focus on a button that is
 * gone, and a keyboard or screen-reader user would start again from the top of the page. Only
 * then: not on a live update, and not where the reader has put the focus themselves.
 */
export function FocusAfterSend({ version }: { version: number }) {
  const search = useSearchParams();
  useEffect(() => {
    const sent = () => {
      sentAt = Date.now();
    };
    document.addEventListener('submit', sent, true);
    return () => document.removeEventListener('submit', sent, true);
  }, []);
  useEffect(() => {
    if (Date.now() - sentAt > ANSWER_WITHIN_MS) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const fragment = decodeURIComponent(window.location.hash.slice(1));
    if (fragment && focusFragmentTarget(fragment)) sentAt = 0;
  }, [search, version]);
  return null;
}
