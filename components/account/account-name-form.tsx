'use client';

import { useActionState } from 'react';
import { renameAccountAction } from '@/app/actions/rename-account-action';
import { FieldError } from '@/components/comments/field-error';
import { SiteLink } from '@/components/site-link';
import { useFocusBackAfterSend, useFocusOnError } from '@/components/use-focus-on-error';
import { idleAccountForm } from '@/lib/users/form-state';

const SIGN_IN = '/signin?returnTo=%2Faccount';

/**
 * The name shown with a reader's comments, changed in place; a refusal keeps what was typed.
 * `name` is null for a reader who is not signed in: they are offered Sign in, unless they just
 * sent the form (signed out elsewhere meanwhile), which then stays with its name and says why.
 */
export function AccountNameForm({ name }: { name: string | null }) {
  const [state, formAction, pending] = useActionState(renameAccountAction, idleAccountForm);
  const { errors } = state;
  const formRef = useFocusOnError(state);
  useFocusBackAfterSend(formRef, pending);
  const describedBy = ['account-name-hint', errors.name ? 'account-name-error' : undefined].filter(Boolean).join(' ');
  if (name === null && !state.signedOut) {
    return (
      <p>
        <SiteLink href={SIGN_IN}>Sign in</SiteLink> to change the name your comments show.
      </p>
    );
  }
  return (
    <form ref={formRef} action={formAction} className="account-form" aria-labelledby="account-name-heading" noValidate>
      {errors.request && (
        <p className="form-error" role="alert">
          {errors.request} {state.signedOut && <SiteLink href={SIGN_IN}>Sign in</SiteLink>}
        </p>
      )}
      <label htmlFor="account-name">Display name</label>
      <input
        id="account-name"
        name="name"
        autoComplete="nickname"
        maxLength={80}
        required
        defaultValue={state.values.name ?? name ?? ''}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={describedBy}
      />
      <p className="form-hint" id="account-name-hint">
        Shown with your comments, the ones you wrote before too.
      </p>
      <FieldError id="account-name-error" message={errors.name} />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </button>
      <p className="form-success" role="status">
        {state.message}
      </p>
    </form>
  );
}
