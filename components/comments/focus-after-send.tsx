'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Where the focus goes once the form just sent has sent the reader on: the first of `targets`
 * (element ids) the page then draws. Set by the forms whose answer is a new page (a saved edit, a
 * delete, a new comment on a later page of the thread); forgotten when the answer is a refusal,
 * or after a while, so that nothing but that answer moves the focus.
 */
let expected: { targets: string[]; until: number } | null = null;

/** The comment section's word about what the reader just did (a held comment, a Delete). */
export const SECTION_NOTICE_ID = 'comments-notice';
const ANSWER_WITHIN_MS = 15_000;

export function focusAfterSend(...targets: string[]): void {
  expected = { targets, until: Date.now() + ANSWER_WITHIN_MS };
}

/** The form's answer was a refusal: its own field takes the focus (useFocusOnError), nothing else. */
export function forgetFocusAfterSend(): void {
  expected = null;
}

/**
 * Gives the focus to the element with id `id`: a comment's card (not its replies), or the comment
 * section. Focused from a script only: the tabindex that lets it take the focus goes with the focus.
 */
export function focusById(id: string): boolean {
  const named = document.getElementById(id);
  const target = named?.matches('li.comment') ? named.querySelector<HTMLElement>(':scope > article') : named;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus();
  return true;
}

/**
 * Next's router scrolls to a form's answer but leaves the focus on a button that is gone, so a
 * keyboard or screen-reader user would start again from the top of the page: once the page the
 * answer sent them to is drawn (a new address, or the thread drawn again), the focus goes where the
 * form said (`focusAfterSend`). Not where the reader has put the focus themselves meanwhile.
 */
export function FocusAfterSend({ version }: { version: number }) {
  const search = useSearchParams();
  useEffect(() => {
    if (!expected) return;
    if (Date.now() > expected.until) {
      expected = null;
      return;
    }
    if (document.activeElement && document.activeElement !== document.body) return;
    if (expected.targets.some(focusById)) expected = null;
  }, [search, version]);
  return null;
}
