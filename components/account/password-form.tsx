'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/actions/change-password-action';
import { FieldError } from '@/components/comments/field-error';
import { SiteLink } from '@/components/site-link';
import { useFocusBackAfterSend, useFocusOnError } from '@/components/use-focus-on-error';
import { idleAccountForm } from '@/lib/users/form-state';

const SIGN_IN = '/signin?returnTo=%2Faccount';

/**
 * A new password, asked with the current one. `email` names the account for the browser's password
 * manager, which then offers to update the password it keeps for it. Refused, the form says why
 * beside the field and takes the reader there, without JavaScript too (the refused field is focused
 * as the page loads); the passwords typed are not sent back into the page.
 */
export function PasswordForm({
  email,
  changed = null,
}: {
  email: string | null;
  /** What the last change did, when the page comes back from it. */ changed?: string | null;
}) {
  const [state, formAction, pending] = useActionState(changePasswordAction, idleAccountForm);
  const { errors } = state;
  const formRef = useFocusOnError(state);
  useFocusBackAfterSend(formRef, pending);
  const refused = ['current', 'password'].find((field) => errors[field] !== undefined);
  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field] ? `account-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  // Not signed in (or no password here): nothing to change, unless this form was just sent by a
  // reader signed out meanwhile, which it then tells.
  if (email === null && !state.signedOut) return null;
  return (
    <>
      <h2 id="account-password-heading">Your password</h2>
      <form
        ref={formRef}
        action={formAction}
        className="account-form"
        aria-labelledby="account-password-heading"
        noValidate
      >
        {errors.request && (
          <p className="form-error" role="alert">
            {errors.request} {state.signedOut && <SiteLink href={SIGN_IN}>Sign in</SiteLink>}
          </p>
        )}
        {email && <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />}
        <label htmlFor="account-current">Current password</label>
        <input
          id="account-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={refused === 'current'}
          aria-invalid={errors.current ? true : undefined}
          aria-describedby={describedBy('current')}
        />
        <FieldError id="account-current-error" message={errors.current} />
        <label htmlFor="account-password">New password</label>
        <input
          id="account-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          autoFocus={refused === 'password'}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('password', 'account-password-hint')}
        />
        <p className="form-hint" id="account-password-hint">
          At least 8 characters. Your other browsers are signed out when it changes.
        </p>
        <FieldError id="account-password-error" message={errors.password} />
        <button type="submit" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
        <p className="form-success" role="status">
          {state.message ?? changed}
        </p>
      </form>
    </>
  );
}
