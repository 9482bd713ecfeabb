'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

interface PressedIn {
  /** The ids of the rows around the one whose button was pressed. */
  next: string | null;
  previous: string | null;
  form: HTMLFormElement | null;
}

/** How long a result message may take to show after its row has gone. */
const STATUS_WAIT_MS = 5_000;

/**
 * Where the focus goes once the pressed row has left the list: the next row's first button or link
 * (the previous row's at the end of the list; a comment its author deleted offers no button, only
 * Ban…), or the queue's result when no row is left. Not when the admin has meanwhile put the focus
 * somewhere themselves.
 */
function focusAfter(place: PressedIn): void {
  const lost = () => document.activeElement === null || document.activeElement === document.body;
  if (!lost()) return;
  const neighbour = [place.next, place.previous]
    .map((id) => (id ? document.getElementById(id) : null))
    .find((row) => row?.isConnected);
  const button = neighbour?.querySelector<HTMLElement>('.queue-row-actions :is(button, a[href])');
  if (button) {
    button.focus();
    return;
  }
  const form = place.form;
  if (!form?.isConnected) return;
  const focusStatus = (): boolean => {
    const status = form.querySelector<HTMLElement>('[role="status"], [role="alert"]');
    if (!status) return false;
    if (lost()) {
      // A message is not focusable by itself; -1 lets the script focus it without adding a Tab stop.
      status.tabIndex = -1;
      status.focus();
    }
    return true;
  };
  if (focusStatus()) return;
  // The result may be drawn a moment after the rows: wait for it, but not forever.
  const observer = new MutationObserver(() => {
    if (focusStatus()) observer.disconnect();
  });
  observer.observe(form, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), STATUS_WAIT_MS);
}

/**
 * A queue row's buttons. With JavaScript, pressing one takes its row out of the list, and the focus
 * with it: the browser drops it on <body>, and a keyboard or screen reader user starts over from
 * the top of the page. So the row remembers where it stood when pressed, and when it goes the
 * focus moves on from there.
 */
export function QueueRowActions({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const pressed = useRef<PressedIn | null>(null);
  useEffect(() => {
    const place = pressed;
    // Runs once the row has been removed from the page, so the rows left are the ones to look at.
    return () => {
      if (place.current) focusAfter(place.current);
    };
  }, []);
  const remember = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element) || !event.target.closest('button')) return;
    const row = box.current?.closest('li');
    pressed.current = {
      next: row?.nextElementSibling?.id || null,
      previous: row?.previousElementSibling?.id || null,
      form: row?.closest('form') ?? null,
    };
  };
  return (
    <div className="queue-row-actions" ref={box} onClick={remember}>
      {children}
    </div>
  );
}
