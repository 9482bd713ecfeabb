'use client';

import { useEffect, useRef } from 'react';

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
