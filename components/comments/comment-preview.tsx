'use client';

import { useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import type { CommentFormState } from '@/lib/comments/form-state';

/** The name a box's Preview button sends, telling its action to show the text rather than keep it. */
export const PREVIEW_INTENT = { name: 'intent', value: 'preview' } as const;

/** Whether this form's submission in flight is a Preview (its busy state is the Preview button's). */
export function usePreviewing(): boolean {
  const { pending, data } = useFormStatus();
  return pending && data?.get(PREVIEW_INTENT.name) === PREVIEW_INTENT.value;
}

/** A box's second button, as on Blogger's comment form: the comment as it will read, before it is sent. */
export function PreviewButton({ disabled = false }: { disabled?: boolean }) {
  const { pending } = useFormStatus();
  const previewing = usePreviewing();
  return (
    <button type="submit" name={PREVIEW_INTENT.name} value={PREVIEW_INTENT.value} className="preview-button" disabled={pending || disabled}>
      {previewing ? 'Previewing…' : 'Preview'}
    </button>
  );
}

/**
 * The answer to Preview, between the box and its buttons. It takes the focus when it arrives (a
 * screen reader reads it out; the next Tab is Publish): with JavaScript once each preview is drawn,
 * without it as the page loads (`focus`, from `answerFocus`: React focuses only form controls itself).
 */
export function CommentPreview({ id, state, focus }: { id: string; state: CommentFormState; focus: boolean }) {
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.status === 'preview') section.current?.focus();
  }, [state]);
  if (state.status !== 'preview' || state.preview === undefined) return null;
  return (
    <section ref={section} className="comment-preview" aria-labelledby={`${id}-preview-title`} tabIndex={-1} autoFocus={focus}>
      <p className="comment-preview-title" id={`${id}-preview-title`}>
        Preview <span className="comment-preview-note">(not published yet)</span>
      </p>
      {/* Safe HTML: the comment renderer's sanitised output, as a published comment shows it. */}
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: state.preview }} />
    </section>
  );
}
