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
