'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formBox } from '@/lib/comments/form-state';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/limits';
import { useBoxAnswer } from './box-answers';
import { CancelLink, SubmitButton } from './comment-form';
import { CommentPreview, PREVIEW_INTENT, PreviewButton } from './comment-preview';
import { FieldError } from './field-error';
import { focusAfterSend, forgetFocusAfterSend } from './focus-after-send';
import { useEditDraft } from './use-draft';
import { useEnhanced } from './use-enhanced';
import { answerFocus, useFocusOnError } from '@/components/use-focus-on-error';

/**
 * The author's edit box, in place of the comment's text. Once the edit window has passed
 * (`windowOver`, e.g. while the author was typing and the thread refreshed), or the author was
 * banned (`banned`), the box stays with its text, says why it cannot be saved, and Save is off. A
 * box nobody has typed in (opened from a page left open, or an old `?edit=` address) gives way to
 * the comment itself (`text`), saying why it cannot be rewritten: there is nothing of the author's
 * to keep.
 */
export function EditCommentForm({
  commentId,
  body,
  text,
  windowOver,
  banned = null,
  cancelHref,
  keepIfDrafted = false,
}: {
  commentId: number;
  /** The comment's text; null where the box is drawn without its comment (ThreadForms). */
  body: string | null;
  /** The comment's text as readers see it, shown instead of a box nobody typed in once the window has passed. */
  text?: ReactNode;
  windowOver: boolean;
  /** The ban on the author's account, in its own words, when that is why the comment cannot be saved. */
  banned?: string | null;
  cancelHref: string;
  /**
   * The comment was removed (by a moderator, or from another tab) while its author rewrote it: the
   * box is drawn, without its comment, if this browser holds the rewrite, so the text stays in sight.
   */
  keepIfDrafted?: boolean;
}) {
  const [state, formAction, sending] = useBoxAnswer('edit', formBox('edit', commentId));
  const enhanced = useEnhanced();
  const id = useId();
  const formRef = useFocusOnError(state);
  const focusOnLoad = answerFocus(state, ['body']);
  // What is rewritten is kept in this browser until saved or cancelled, as a new comment's text is.
  const { box, save: saveDraft, discard: discardDraft, stored: draft, rewrites } = useEditDraft(commentId, body);
  // Once drawn, a kept box stays even if its reader empties it.
  const [kept, setKept] = useState(false);
  // Typed in here, or in this browser before (its draft), or sent: the box holds the author's words.
  const [typed, setTyped] = useState(false);
  const rewriting = typed || rewrites || state.status !== 'idle';
  const closed = windowOver || banned !== null;
  // Nothing of the author's to keep: the comment is shown instead (below).
  const givesWay = closed && !rewriting && text !== undefined;
  if (keepIfDrafted && draft !== null && !kept) setKept(true);
  // Refused or previewed, the box stays (and a refused field takes the focus); saved, the focus goes
  // to the comment.
  useEffect(() => {
    if (state.status === 'error' || state.status === 'preview') forgetFocusAfterSend();
  }, [state]);
  // Opened by its Edit link: the reader goes on in the box, not from the top of the page, and at
  // the end of the text, where more is usually added (the caret would stand before the first word).
  // A box drawn outside the thread (its comment removed, or its answer's comment not drawn) takes
  // the focus only where it has fallen to the page, from the box it replaces: the reader may be
  // writing elsewhere by now.
  const drawnOutside = useRef(body === null);
  useEffect(() => {
    const textarea = box.current;
    if (!textarea) return;
    if (drawnOutside.current && document.activeElement !== null && document.activeElement !== document.body) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    // Also when the box appears late, in place of the comment, once this browser's rewrite is found.
  }, [box, givesWay]);
  // The text's own problem is told beside it; anything else (signed out, the database down) is
  // announced for the whole form, as the comment form does.
  const error = state.errors.body;
  const removed = keepIfDrafted && state.status !== 'error';
  const formError =
    state.errors.request ??
    (removed
      ? 'This comment was removed while you were rewriting it, so it can no longer be saved. Copy your text if you want to keep it.'
      : undefined) ??
    (banned && !error
      ? `${banned} This comment cannot be saved now: copy your text if you want to keep it.`
      : undefined) ??
    (windowOver && !error
      ? 'The time for editing this comment has passed, so it can no longer be saved. Copy your text if you want to keep it.'
      : undefined);
  if (keepIfDrafted && !kept) return null;
  if (givesWay) {
    return (
      <>
        {text}
        <p className="form-error" role="status">
          {banned
            ? `${banned} This comment cannot be changed now.`
            : 'The time for editing this comment has passed, so it can no longer be changed.'}
        </p>
      </>
    );
  }
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        // Saving goes to the comment; a Preview stays in the box.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter?.getAttribute('name') !== PREVIEW_INTENT.name) focusAfterSend(`c${commentId}`);
      }}
      className="comment-form edit-form"
      aria-label="Edit your comment"
      noValidate
    >
      <input type="hidden" name="commentId" value={commentId} />
      {/* Saving always redirects; js=1 only tells the server (and tests) the form is hydrated. */}
      {enhanced && <input type="hidden" name="js" value="1" />}
      <label htmlFor={`${id}-body`}>Edit your comment</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={4}
        maxLength={COMMENT_MAX_LENGTH}
        // This browser's rewrite over the comment's text, when there is one: also when the box appears
        // only once the draft is found (the window has passed: without it the comment is shown).
        defaultValue={state.values.body ?? (rewrites ? draft : null) ?? body ?? ''}
        key={state.submittedAt ?? 0}
        autoFocus={focusOnLoad === 'body'}
        ref={box}
        onInput={(event) => {
          setTyped(true);
          saveDraft(event.currentTarget.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
      {formError && (
        <p className="form-error" role="alert" {...(focusOnLoad === 'alert' ? { tabIndex: -1, autoFocus: true } : {})}>
          {formError}
        </p>
      )}
      <CommentPreview id={id} state={state} focus={focusOnLoad === 'preview'} />
      <div className="form-buttons">
        <SubmitButton idle="Save" busy="Saving…" disabled={closed || removed || sending} />
        <PreviewButton disabled={sending} />
        <CancelLink href={cancelHref} discardDraft={discardDraft} returnFocusTo={`edit-${commentId}`} />
      </div>
    </form>
  );
}
