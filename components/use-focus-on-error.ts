'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to the first field the server refused, once per answer, or, when the refusal names
 * no field (a wrong password, a form sent too late), to the form's message. A sighted reader sees
 * the message beside the field; this way a keyboard or screen-reader user lands on it and hears it
 * (the field's description is the message), instead of staying on the button with no word.
 */
export function useFocusOnError(state: { errors: Record<string, string> }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(state.errors).length === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    // A message is no control: it takes focus only when told it may (and then only from here, not from Tab).
    if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.tabIndex = -1;
    target.focus();
  }, [state]);
  return form;
}

/**
 * Where a form's answer should take the focus when it arrives as a new page (a form sent without
 * JavaScript): that page opens at its top, far above a comment box, and the reader would have to
 * find the reason or the preview. The element named gets `autoFocus`, which the browser honours
 * as the page loads (the focus, and the view with it), as `useFocusOnError` moves it with JavaScript.
 * A page sent from an address with a fragment (`#comments`, `#c12`) opens at that place instead,
 * as browsers do: the form posts to its page's own address, fragment and all, and takes no other,
 * since React hands the answer to the form by where it stands on that page, which survives the
 * page's redirects (a page of the thread that no longer exists) where another address would not.
 * `fields` are the form's fields in the order they are drawn; `alert` is the form's own message
 * (a refusal naming no field), `preview` the preview.
 */
export function answerFocus(
  state: { status: string; errors: Record<string, string> },
  fields: readonly string[],
): string | 'alert' | 'preview' | null {
  if (state.status === 'preview') return 'preview';
  if (state.status !== 'error') return null;
  return fields.find((field) => state.errors[field] !== undefined) ?? (Object.keys(state.errors).length > 0 ? 'alert' : null);
}

/**
 * A form's buttons are disabled while it is sent, and the browser then drops the focus from the
 * pressed one to the page itself: a keyboard or screen-reader user would go on from the top. Once
 * the answer is in (`pending` over), the focus goes back to that button (or the one drawn in its
 * place, when the answer drew the form again), or, where the answer took it away (the last rows of
 * a queue moved), to the form's message; not where the answer or the reader has put it meanwhile
 * (a refused field, useFocusOnError).
 */
export function useFocusBackAfterSend(form: RefObject<HTMLFormElement | null>, pending: boolean) {
  const pressed = useRef<{ button: HTMLElement; name: string; value: string; label: string } | null>(null);
  useEffect(() => {
    // Heard on the document, for whichever form element the ref holds then: an answer may draw
    // the form anew (the settings form is keyed by its last save), and a listener on the old one
    // would hear nothing of the next submission.
    const remember = (event: SubmitEvent) => {
      if (event.target !== form.current) return;
      const button = event.submitter;
      pressed.current = button
        ? { button, name: button.getAttribute('name') ?? '', value: button.getAttribute('value') ?? '', label: button.textContent ?? '' }
        : null;
    };
    document.addEventListener('submit', remember, true);
    return () => document.removeEventListener('submit', remember, true);
  }, [form]);
  useEffect(() => {
    if (pending) return;
    const was = pressed.current;
    pressed.current = null;
    if (!was || (document.activeElement !== null && document.activeElement !== document.body)) return;
    const again = was.button.isConnected
      ? was.button
      : [...(form.current?.querySelectorAll<HTMLElement>('button[type="submit"]') ?? [])].find(
          (button) =>
            (button.getAttribute('name') ?? '') === was.name && (button.getAttribute('value') ?? '') === was.value && button.textContent === was.label,
        );
    if (again && !again.matches(':disabled')) {
      again.focus();
      return;
    }
    const message = form.current?.querySelector<HTMLElement>('[role="status"]');
    if (!message || message.textContent?.trim() === '') return;
    message.tabIndex = -1;
    message.focus();
  }, [pending, form]);
}
