'use client';

import { useActionState, useId, type ReactNode } from 'react';
import { adminSaveSettingsAction } from '@/app/actions/admin-save-settings-action';
import { idleAdminForm } from '@/app/(admin)/_lib/form-state';
import {
  seenField,
  SETTING_LABELS,
  settingsAsFormValues,
  type Setting as Field,
} from '@/app/(admin)/_lib/settings-form-values';
import { FieldError } from '@/components/comments/field-error';
import { useEnhanced } from '@/components/comments/use-enhanced';
import { useFocusBackAfterSend, useFocusOnError } from '@/components/use-focus-on-error';
import type { CommentSettings } from '@/lib/comments/settings';

/**
 * Every comment rule in one form; works without JavaScript, keeps what was typed when something is
 * wrong. It also carries the values it was drawn with, so saving changes only what was changed here.
 */
export function SettingsForm({ settings, saved }: { settings: CommentSettings; saved: boolean }) {
  const [state, formAction, pending] = useActionState(adminSaveSettingsAction, idleAdminForm);
  const enhanced = useEnhanced();
  const id = useId();
  const formRef = useFocusOnError(state);
  useFocusBackAfterSend(formRef, pending);
  const { errors } = state;
  const drawn: Record<string, string> = settingsAsFormValues(settings);
  const values: Record<string, string> = state.status === 'error' ? state.values : drawn;
  const value = (field: Field) => values[field] ?? '';
  // Handed back after an error, the form keeps what it was drawn with (or, refused because another
  // admin changed a field meanwhile, what is stored now).
  const seen = (field: Field) => (state.status === 'error' ? state.values[seenField(field)] : drawn[field]) ?? '';
  const described = (field: Field, hint = false) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
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
    <form
      ref={formRef}
      action={formAction}
      className="admin-form settings-form"
      aria-label="Comment settings"
      noValidate
      key={state.submittedAt ?? 0}
    >
      {enhanced && <input type="hidden" name="js" value="1" />}
      {(Object.keys(SETTING_LABELS) as Field[]).map((field) =>
        // A box that is off sends nothing, and so does what it was drawn with.
        field === 'holdGuestComments' && seen(field) !== 'on' ? null : (
          <input key={field} type="hidden" name={seenField(field)} value={seen(field)} />
        ),
      )}
      <div aria-live="polite">
        {message && (
          <p
            className={state.status === 'error' ? 'form-error' : 'form-success'}
            role={state.status === 'error' ? 'alert' : 'status'}
          >
            {message}
          </p>
        )}
      </div>
      {/* Told once: a refusal of the whole form (not an admin now, the database down) is its message too. */}
      {errors.request && errors.request !== message && <p className="form-error">{errors.request}</p>}

      <fieldset aria-describedby={errors.whoMayComment ? `${id}-whoMayComment-error` : undefined}>
        <legend>{SETTING_LABELS.whoMayComment}</legend>
        <label className="choice">
          <input type="radio" name="whoMayComment" value="users" defaultChecked={value('whoMayComment') === 'users'} />{' '}
          Signed-in readers
        </label>
        <label className="choice">
          <input
            type="radio"
            name="whoMayComment"
            value="anyone"
            defaultChecked={value('whoMayComment') === 'anyone'}
          />{' '}
          Anyone, guests too (with a name)
        </label>
        <FieldError id={`${id}-whoMayComment-error`} message={errors.whoMayComment} />
        <label className="choice">
          <input
            type="checkbox"
            name="holdGuestComments"
            defaultChecked={value('holdGuestComments') === 'on'}
            aria-invalid={invalid('holdGuestComments')}
            aria-describedby={described('holdGuestComments')}
          />{' '}
          {SETTING_LABELS.holdGuestComments}
        </label>
        <FieldError id={`${id}-holdGuestComments-error`} message={errors.holdGuestComments} />
      </fieldset>

      <fieldset aria-describedby={errors.holdFor ? `${id}-holdFor-error` : undefined}>
        <legend>{SETTING_LABELS.holdFor}</legend>
        <label className="choice">
          <input type="radio" name="holdFor" value="nobody" defaultChecked={value('holdFor') === 'nobody'} /> Nobody
        </label>
        <label className="choice">
          <input type="radio" name="holdFor" value="first-time" defaultChecked={value('holdFor') === 'first-time'} />{' '}
          First-time commenters (until one comment is approved)
        </label>
        <label className="choice">
          <input type="radio" name="holdFor" value="everyone" defaultChecked={value('holdFor') === 'everyone'} />{' '}
          Everyone
        </label>
        <FieldError id={`${id}-holdFor-error`} message={errors.holdFor} />
        <p className="form-hint">Admins’ comments are never held.</p>
      </fieldset>

      {numberField(
        'holdLinkCount',
        SETTING_LABELS.holdLinkCount,
        'At least this many links and the comment waits; 0 turns the rule off.',
      )}
      {wordsField(
        'moderationWords',
        SETTING_LABELS.moderationWords,
        'One word or phrase per line. A comment containing one is held for approval.',
      )}
      {wordsField(
        'blockWords',
        SETTING_LABELS.blockWords,
        'One word or phrase per line. A comment containing one goes straight to Spam.',
      )}
      {numberField('autoCloseDays', SETTING_LABELS.autoCloseDays, '0 keeps comments open for good.')}
      {numberField(
        'editWindowMinutes',
        SETTING_LABELS.editWindowMinutes,
        'How long after posting authors may edit their comment; 0: not at all.',
      )}
      {numberField('maxReplyDepth', SETTING_LABELS.maxReplyDepth, 'How deep replies nest, 1 to 10.')}
      {numberField(
        'commentsPerPage',
        SETTING_LABELS.commentsPerPage,
        'Top-level comments on a page, 5 to 500; longer threads get more pages.',
      )}

      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
