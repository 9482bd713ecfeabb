'use client';

import { useEffect, useRef } from 'react';

/**
 * Moves focus to the first field the server refused, once per answer. A sighted reader sees the
 * message beside the field; this way a keyboard or screen-reader user lands on it and hears it
 * (the field's description is the message), instead of staying on the button with no word.
 */
export function useFocusOnError(state: { errors: Record<string, string> }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return form;
}
