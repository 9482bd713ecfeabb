'use client';

import { useActionState, useId } from 'react';
import { adminBanUserAction } from '@/app/actions/admin-ban-user-action';
import { idleAdminForm } from '@/app/(admin)/_lib/form-state';
import { FieldError } from '@/components/comments/field-error';
import { useEnhanced } from '@/components/comments/use-enhanced';
import { useFocusOnError } from '@/components/use-focus-on-error';

/** Ban a commenter: a reason (required), an optional last day, and whether to hide what they already wrote. */
export function BanForm({ userId, name }: { userId: string; name: string }) {
  const [state, formAction, pending] = useActionState(adminBanUserAction, idleAdminForm);
  const enhanced = useEnhanced();
  const id = useId();
  const formRef = useFocusOnError(state);
  const { errors, values } = state;
  return (
    <form ref={formRef} action={formAction} className="admin-form ban-form" aria-label={`Ban ${name}`} noValidate key={state.submittedAt ?? 0}>
      <input type="hidden" name="userId" value={userId} />
      {enhanced && <input type="hidden" name="js" value="1" />}
      {state.status === 'error' && (errors.request ?? state.message) && (
        <p className="form-error" role="alert">
          {errors.request ?? state.message}
        </p>
      )}
      {state.status === 'ok' && state.message && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input
        id={`${id}-reason`}
        name="reason"
        required
        maxLength={500}
        defaultValue={values.reason ?? ''}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
      />
      <FieldError id={`${id}-reason-error`} message={errors.reason} />
      <label htmlFor={`${id}-endsAt`}>Last day (optional)</label>
      <input
        id={`${id}-endsAt`}
        name="endsAt"
        type="date"
        defaultValue={values.endsAt ?? ''}
        aria-invalid={errors.endsAt ? true : undefined}
        aria-describedby={`${id}-endsAt-hint${errors.endsAt ? ` ${id}-endsAt-error` : ''}`}
      />
      <p className="form-hint" id={`${id}-endsAt-hint`}>
        Banned through the end of this day, in the blog’s time zone. Leave empty to ban for good.
      </p>
      <FieldError id={`${id}-endsAt-error`} message={errors.endsAt} />
      <label className="choice">
        <input type="checkbox" name="hideComments" defaultChecked={values.hideComments === 'on'} /> Hide their existing comments (those awaiting moderation go to spam)
      </label>
      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Banning…' : 'Ban'}
        </button>
      </div>
    </form>
  );
}
