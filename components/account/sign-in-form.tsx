'use client';

import { useActionState } from 'react';
import { signInAction } from '@/app/actions/sign-in-action';
import { FieldError } from '@/components/comments/field-error';
import { useFocusOnError } from '@/components/use-focus-on-error';
import { idleAccountForm } from '@/lib/users/form-state';

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState(signInAction, idleAccountForm);
  const { errors } = state;
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={formAction} className="account-form" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {errors.request && (
        <p className="form-error" role="alert">
          {errors.request}
        </p>
      )}
      <label htmlFor="signin-email">Email</label>
      <input
        id="signin-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email ?? ''}
        aria-invalid={errors.email ? true : undefined}
        aria-describedby={errors.email ? 'signin-email-error' : undefined}
      />
      <FieldError id="signin-email-error" message={errors.email} />
      <label htmlFor="signin-password">Password</label>
      <input
        id="signin-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={errors.password ? true : undefined}
        aria-describedby={errors.password ? 'signin-password-error' : undefined}
      />
      <FieldError id="signin-password-error" message={errors.password} />
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
