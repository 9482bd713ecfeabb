'use client';

import { useActionState } from 'react';
import { registerAction } from '@/app/actions/register-action';
import { FieldError } from '@/components/comments/field-error';
import { useFocusOnError } from '@/components/use-focus-on-error';
import { idleAccountForm } from '@/lib/users/form-state';

export function RegisterForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState(registerAction, idleAccountForm);
  const { errors } = state;
  const formRef = useFocusOnError(state);
  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field] ? `register-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form ref={formRef} action={formAction} className="account-form" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {errors.request && (
        <p className="form-error" role="alert">
          {errors.request}
        </p>
      )}
      <label htmlFor="register-email">Email</label>
      <input
        id="register-email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email ?? ''}
        aria-invalid={errors.email ? true : undefined}
        aria-describedby={describedBy('email')}
      />
      <FieldError id="register-email-error" message={errors.email} />
      <label htmlFor="register-name">Display name</label>
      <input
        id="register-name"
        name="name"
        autoComplete="nickname"
        maxLength={80}
        required
        defaultValue={state.values.name ?? ''}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={describedBy('name', 'register-name-hint')}
      />
      <p className="form-hint" id="register-name-hint">
        Shown with your comments.
      </p>
      <FieldError id="register-name-error" message={errors.name} />
      <label htmlFor="register-password">Password</label>
      <input
        id="register-password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        aria-invalid={errors.password ? true : undefined}
        aria-describedby={describedBy('password', 'register-password-hint')}
      />
      <p className="form-hint" id="register-password-hint">
        At least 8 characters.
      </p>
      <FieldError id="register-password-error" message={errors.password} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Register'}
      </button>
    </form>
  );
}
