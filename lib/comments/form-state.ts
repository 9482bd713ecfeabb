/** What a comment form shows after a submission: errors by field and everything the person typed. */
export interface CommentFormState {
  /** `preview`: nothing was sent to the thread; the box shows `preview` beside the text kept as typed. */
  status: 'idle' | 'ok' | 'error' | 'preview';
  errors: Record<string, string>;
  values: Record<string, string>;
  message?: string;
  /** The comment as readers would see it (safe HTML from the comment renderer), after Preview. */
  preview?: string;
  commentId?: number;
  /** The page of the thread that shows the new comment, which may not be the one open. */
  commentUrl?: string;
  /**
   * For a reply box, opened by the address (`?reply=`), whose reply its author can see: where the
   * form's redirect sends them without JavaScript (the reply, or its held notice), which closes the box.
   */
  closesTo?: string;
  /** Changes on every successful submission so the form knows to clear itself. */
  submittedAt?: number;
  /** A new signed render time, when the form's own could not be accepted (lib/spam). */
  formStamp?: string;
  /** Which box on the page this answers (`formBox`): one post page has several. */
  box?: string;
}

/**
 * Names a box on the post page: the new-comment box, the reply box under a comment, or the
 * author's edit box. The page's comment boxes share one answer (components/comments/thread-forms),
 * and each shows only the answer named for it.
 */
export function formBox(kind: 'comment' | 'reply' | 'edit', id?: unknown): string {
  // A reply without a parent is a new comment, as the server takes it.
  if (kind === 'comment' || id === undefined || id === null || id === '') return 'comment';
  return `${kind}-${String(id)}`;
}

export const idleCommentForm: CommentFormState = { status: 'idle', errors: {}, values: {} };

/** Text fields of a form, as typed, for handing back on error. Files and oversized values are dropped. */
export function typedValues(formData: FormData, fields: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === 'string' && value.length <= 20_000) values[field] = value;
  }
  return values;
}
