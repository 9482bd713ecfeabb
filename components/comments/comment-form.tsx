'use client';

import { SiteLink } from '@/components/site-link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { formBox } from '@/lib/comments/form-state';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/limits';
import { HONEYPOT_FIELD } from '@/lib/spam/honeypot';
import { useBoxAnswer } from './box-answers';
import { CommentPreview, PreviewButton, usePreviewing } from './comment-preview';
import { FieldError } from './field-error';
import { focusAfterSend, focusById } from './focus-after-send';
import { returnFocusTo } from './return-focus-link';
import { useDraft } from './use-draft';
import { useEnhanced } from './use-enhanced';
import { answerFocus, useFocusOnError } from '@/components/use-focus-on-error';

/**
 * Blogger's "Post a Comment" box, and the reply box under a comment. Works as a plain form POST
 * without JavaScript; with it, publishes in place. On any error every field keeps what was typed,
 * and with JavaScript the comment is also kept as a draft in the browser until it is published.
 */
export function CommentForm({
  postId,
  formStamp,
  parentId,
  label,
  cancelHref,
  guest = false,
  onlyIfRefused = false,
  keepIfDrafted = false,
  opened = false,
}: {
  postId: string;
  formStamp: string;
  parentId?: number;
  label: string;
  cancelHref?: string;
  guest?: boolean;
  /**
   * Drawn only to hand back a refused comment: where no comment may be written now (comments
   * closed, signed out, the database down) but one just came back with its text and the reason.
   */
  onlyIfRefused?: boolean;
  /**
   * A reply box whose comment was removed while the reader wrote: drawn, with `onlyIfRefused`, if
   * this browser holds its draft (and then kept, even emptied), so the text is not lost from sight.
   */
  keepIfDrafted?: boolean;
  /** Opened by a link (Reply): the box takes the focus when it appears, and Cancel gives it back to that link. */
  opened?: boolean;
}) {
  const [state, formAction, sending] = useBoxAnswer('comment', formBox('reply', parentId));
  const enhanced = useEnhanced();
  const id = useId();
  const errors = state.errors;
  const otherErrors = Object.entries(errors).filter(([field]) => !['body', 'name', 'email', 'website'].includes(field));
  // The comment this reply answered is gone (the server names parentId only for that, and echoes
  // repliedTo once it was sent so, whatever else it refuses). Sent as a reply again it would be
  // refused again: it goes in as a new comment, and names the reply's box (repliedTo) so that the
  // answer comes back here, not to the new-comment box and its own text.
  const parentGone =
    parentId !== undefined && (errors.parentId !== undefined || state.values.repliedTo !== undefined || keepIfDrafted);
  // A new key after each success gives fresh, empty fields; on error the typed values come back.
  // Kept here: the section's answer moves on to other boxes, and these fields must not restart then.
  const [generation, setGeneration] = useState(state.submittedAt ?? 0);
  if (state.status === 'ok' && state.submittedAt !== undefined && state.submittedAt !== generation)
    setGeneration(state.submittedAt);
  // Typed since the last comment this box published (whose fresh box starts empty), or brought back
  // from the browser's draft.
  const [typedIn, setTypedIn] = useState<number | null>(null);
  // What the box held when it was last sent: text typed on while it was sent is more than that.
  const sentText = useRef<string | null>(null);
  const {
    box: draftBox,
    save: saveDraft,
    discard: discardDraft,
    stored: draft,
  } = useDraft(
    `${postId}:${parentId ?? 'new'}`,
    state.status === 'ok' ? state.submittedAt : undefined,
    () => setTypedIn(generation),
    sentText,
  );
  // A kept box stays once drawn, even if its reader empties it to start again.
  const [kept, setKept] = useState(false);
  if (keepIfDrafted && draft && !kept) setKept(true);
  const formRef = useFocusOnError(state);
  const focusOnLoad = answerFocus(state, guest ? ['name', 'email', 'website', 'body'] : ['body']);
  useEffect(() => {
    if (opened) draftBox.current?.focus();
  }, [opened, draftBox]);
  const router = useRouter();
  // The stamp says when this box was first drawn. A live update draws the page again with a new
  // one; taking it would restart the clock, and text written over minutes would be refused as sent
  // too fast. Only a stamp the server sends back for this box (after publishing, or one it could
  // not accept) replaces it.
  const [stamp, setStamp] = useState(formStamp);
  // A box drawn while nothing could be written has no stamp; the first real one starts its clock.
  if (formStamp && !stamp) setStamp(formStamp);
  if (state.formStamp && state.formStamp !== stamp) setStamp(state.formStamp);
  useEffect(() => {
    if (state.status !== 'ok') return;
    if (!state.commentUrl) {
      // Sent for moderation where its writer cannot see it (a guest's): nowhere to go, so the focus
      // goes to the box's word that it was sent. Publish, disabled while it was sent, lost it to the
      // page's top, unless the reader has moved on meanwhile.
      const sent = formRef.current?.querySelector<HTMLElement>('[role="status"]');
      if (!sent || (document.activeElement !== null && document.activeElement !== document.body)) return;
      sent.tabIndex = -1;
      sent.focus();
      return;
    }
    // The author goes on from their new comment: Publish, disabled while it was sent, lost the focus.
    if (focusById(`c${state.commentId}`)) {
      // A reply's box closes, as it does without JavaScript: left open, it sat empty under the reply.
      if (state.closesTo) router.replace(state.closesTo, { scroll: false });
      return;
    }
    // New comments go at the end of the thread, which may be a later page than the one open here:
    // the author goes to where it is rather than reading "published" beside a thread without it.
    focusAfterSend(`c${state.commentId}`);
    router.push(state.commentUrl);
  }, [state, router, formRef]);
  // A box holding text stays where a live update finds the post closed (or the reader banned)
  // meanwhile, and Publish then says why, instead of the text vanishing from the page mid-sentence.
  if (onlyIfRefused && state.status === 'ok')
    return state.message ? (
      <p className="form-success" role="status">
        {state.message}
      </p>
    ) : null;
  if (onlyIfRefused && state.status !== 'error' && state.status !== 'preview' && typedIn !== generation && !kept)
    return null;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={() => {
        sentText.current = draftBox.current?.value ?? null;
      }}
      className="comment-form"
      aria-label={label}
      noValidate
    >
      <input type="hidden" name="postId" value={postId} />
      {parentId !== undefined && <input type="hidden" name={parentGone ? 'repliedTo' : 'parentId'} value={parentId} />}
      {enhanced && <input type="hidden" name="js" value="1" />}
      {/* Drawn for a signed-in reader: if the server finds them signed out, it says so rather than ask for a name this box has no field for. */}
      {!guest && <input type="hidden" name="as" value="reader" />}
      <input type="hidden" name="formStamp" value={stamp} />
      {/* The honeypot (lib/spam): out of sight, out of the tab order, hidden from screen readers. */}
      <div className="form-trap" aria-hidden="true">
        <label htmlFor={`${id}-${HONEYPOT_FIELD}`}>Subject (leave this empty)</label>
        <input id={`${id}-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {guest && (
        <fieldset className="guest-fields">
          <legend>Comment as a guest</legend>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            maxLength={80}
            required
            defaultValue={state.values.name ?? ''}
            key={`name-${generation}`}
            autoFocus={focusOnLoad === 'name'}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
          />
          <FieldError id={`${id}-name-error`} message={errors.name} />
          <label htmlFor={`${id}-email`}>Email (optional, never shown)</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={state.values.email ?? ''}
            key={`email-${generation}`}
            autoFocus={focusOnLoad === 'email'}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
          />
          <FieldError id={`${id}-email-error`} message={errors.email} />
          <label htmlFor={`${id}-website`}>Website (optional)</label>
          <input
            id={`${id}-website`}
            name="website"
            type="url"
            autoComplete="url"
            defaultValue={state.values.website ?? ''}
            key={`website-${generation}`}
            autoFocus={focusOnLoad === 'website'}
            aria-invalid={errors.website ? true : undefined}
            aria-describedby={errors.website ? `${id}-website-error` : undefined}
          />
          <FieldError id={`${id}-website-error`} message={errors.website} />
        </fieldset>
      )}
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={parentId === undefined ? 6 : 4}
        maxLength={COMMENT_MAX_LENGTH}
        required
        defaultValue={state.values.body ?? (keepIfDrafted ? draft : null) ?? ''}
        key={`body-${generation}`}
        autoFocus={focusOnLoad === 'body'}
        ref={draftBox}
        onInput={(event) => {
          saveDraft(event.currentTarget.value);
          setTypedIn(event.currentTarget.value.trim() !== '' ? generation : null);
        }}
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={`${id}-hint${errors.body ? ` ${id}-body-error` : ''}`}
      />
      <p className="form-hint" id={`${id}-hint`}>
        You can use *emphasis*, **strong**, [links](https://example.com), `code`, &gt; quotes and lists.
      </p>
      <FieldError id={`${id}-body-error`} message={errors.body} />
      {otherErrors.map(([field, message], index) => (
        <p
          key={field}
          className="form-error"
          role="alert"
          {...(focusOnLoad === 'alert' && index === 0 ? { tabIndex: -1, autoFocus: true } : {})}
        >
          {message}
        </p>
      ))}
      {keepIfDrafted && state.status === 'idle' && (
        <p className="form-error" role="alert">
          The comment you are replying to was removed.
        </p>
      )}
      {parentGone && <p className="form-hint">Publish it now and it appears as a new comment.</p>}
      {state.status === 'ok' && state.message && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <CommentPreview id={id} state={state} focus={focusOnLoad === 'preview'} />
      <div className="form-buttons">
        {/* Every box waits while one is sent: their answers arrive in one place, one at a time. */}
        <SubmitButton idle="Publish" busy="Publishing…" disabled={sending} />
        <PreviewButton disabled={sending} />
        {cancelHref && (
          <CancelLink
            href={cancelHref}
            discardDraft={discardDraft}
            returnFocusTo={opened && parentId !== undefined ? `reply-${parentId}` : null}
          />
        )}
      </div>
    </form>
  );
}

/**
 * A box's Cancel: "never mind", so its draft goes; the box closes by the address, staying where
 * the reader is, and the link that opened it (`returnFocusTo`, a ReturnFocusLink key) takes the
 * focus back.
 */
export function CancelLink({
  href,
  discardDraft,
  returnFocusTo: focusKey,
}: {
  href: string;
  discardDraft: () => void;
  returnFocusTo: string | null;
}) {
  return (
    <SiteLink
      href={href}
      scroll={false}
      className="form-cancel"
      onClick={() => {
        discardDraft();
        returnFocusTo(focusKey);
      }}
    >
      Cancel
    </SiteLink>
  );
}

/**
 * The form's button, busy while this form (not another box on the page) is being sent, and saying
 * so unless what is being sent is a Preview.
 */
export function SubmitButton({ idle, busy, disabled = false }: { idle: string; busy: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  const previewing = usePreviewing();
  return (
    <button type="submit" disabled={pending || disabled}>
      {pending && !previewing ? busy : idle}
    </button>
  );
}
