'use client';

import { useActionState, useId, type ReactNode } from 'react';
import { adminSaveSettingsAction } from '@/app/actions/admin-save-settings-action';
import { idleAdminForm } from '@/app/(admin)/_lib/form-state';
import { FieldError } from '@/components/comments/field-error';
import { useEnhanced } from '@/components/comments/use-enhanced';
import type { CommentSettings } from '@/lib/comments/settings';

type Field = keyof CommentSettings;

/** The saved settings as the form's text, so a fresh form and a form handed back after an error look alike. */
function asValues(settings: CommentSettings): Record<Field, string> {
  return {
    whoMayComment: settings.whoMayComment,
    holdGuestComments: settings.holdGuestComments ? 'on' : '',
    holdFor: settings.holdFor,
    holdLinkCount: String(settings.holdLinkCount),
    moderationWords: settings.moderationWords.join('\n'),
    blockWords: settings.blockWords.join('\n'),
    autoCloseDays: String(settings.autoCloseDays),
    editWindowMinutes: String(settings.editWindowMinutes),
    maxReplyDepth: String(settings.maxReplyDepth),
    commentsPerPage: String(settings.commentsPerPage),
  };
}

/** Every comment rule in one form; works without JavaScript, keeps what was typed when something is wrong. */
export function SettingsForm({ settings, saved }: { settings: CommentSettings; saved: boolean }) {
  const [state, formAction, pending] = useActionState(adminSaveSettingsAction, idleAdminForm);
  const enhanced = useEnhanced();
  const id = useId();
  const { errors } = state;
  const values: Record<string, string> = state.status === 'error' ? state.values : asValues(settings);
  const value = (field: Field) => values[field] ?? '';
  const described = (field: Field, hint = false) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (field: Field) => (errors[field] ? true : undefined);
  const message = state.message ?? (saved ? 'Settings saved.' : null);

  /** A labelled box with its hint and error: a number, or a list of words one per line. */
  const field = (name: Field, label: string, hint: ReactNode, kind: 'number' | 'words') => {
    const control = {
      id: `${id}-${name}`,
      name,
      defaultValue: value(name),
      'aria-invalid': invalid(name),
      'aria-describedby': described(name, true),
    };
    return (
      <div className="settings-field">
        <label htmlFor={control.id}>{label}</label>
        {kind === 'number' ? <input {...control} inputMode="numeric" /> : <textarea {...control} rows={5} />}
        <p className="form-hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
        <FieldError id={`${id}-${name}-error`} message={errors[name]} />
      </div>
    );
  };
  const numberField = (name: Field, label: string, hint: ReactNode) => field(name, label, hint, 'number');
  const wordsField = (name: Field, label: string, hint: ReactNode) => field(name, label, hint, 'words');

  return (
    // The key starts the fields afresh from what the server now holds after each save.
    <form action={formAction} className="admin-form settings-form" aria-label="Comment settings" noValidate key={state.submittedAt ?? 0}>
      {enhanced && <input type="hidden" name="js" value="1" />}
      <div aria-live="polite">
        {message && (
          <p className={state.status === 'error' ? 'form-error' : 'form-success'} role={state.status === 'error' ? 'alert' : 'status'}>
            {message}
          </p>
        )}
      </div>
      {errors.request && <p className="form-error">{errors.request}</p>}

      <fieldset aria-describedby={errors.whoMayComment ? `${id}-whoMayComment-error` : undefined}>
        <legend>Who may comment</legend>
        <label className="choice">
          <input type="radio" name="whoMayComment" value="users" defaultChecked={value('whoMayComment') === 'users'} /> Signed-in readers
        </label>
        <label className="choice">
          <input type="radio" name="whoMayComment" value="anyone" defaultChecked={value('whoMayComment') === 'anyone'} /> Anyone, guests too
          (with a name)
        </label>
        <FieldError id={`${id}-whoMayComment-error`} message={errors.whoMayComment} />
        <label className="choice">
          <input type="checkbox" name="holdGuestComments" defaultChecked={value('holdGuestComments') === 'on'} /> Hold guests’ comments for
          approval
        </label>
      </fieldset>

      <fieldset aria-describedby={errors.holdFor ? `${id}-holdFor-error` : undefined}>
        <legend>Hold for approval</legend>
        <label className="choice">
          <input type="radio" name="holdFor" value="nobody" defaultChecked={value('holdFor') === 'nobody'} /> Nobody
        </label>
        <label className="choice">
          <input type="radio" name="holdFor" value="first-time" defaultChecked={value('holdFor') === 'first-time'} /> First-time commenters
          (until one comment is approved)
        </label>
        <label className="choice">
          <input type="radio" name="holdFor" value="everyone" defaultChecked={value('holdFor') === 'everyone'} /> Everyone
        </label>
        <FieldError id={`${id}-holdFor-error`} message={errors.holdFor} />
        <p className="form-hint">Admins’ comments are never held.</p>
      </fieldset>

      {numberField('holdLinkCount', 'Hold comments with this many links', 'At least this many links and the comment waits; 0 turns the rule off.')}
      {wordsField('moderationWords', 'Moderation words', 'One word or phrase per line. A comment containing one is held for approval.')}
      {wordsField('blockWords', 'Blocked words', 'One word or phrase per line. A comment containing one goes straight to Spam.')}
      {numberField('autoCloseDays', 'Close comments on posts older than (days)', '0 keeps comments open for good.')}
      {numberField('editWindowMinutes', 'Edit window (minutes)', 'How long authors may edit their comment.')}
      {numberField('maxReplyDepth', 'Reply depth', 'How deep replies nest.')}
      {numberField('commentsPerPage', 'Top-level comments per page', 'Longer threads get pages.')}

      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
