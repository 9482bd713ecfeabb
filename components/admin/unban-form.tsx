'use client';

import { useActionState } from 'react';
import { adminUnbanUserAction } from '@/app/actions/admin-unban-user-action';
import { idleAdminForm } from '@/app/(admin)/_lib/form-state';

/** Lift a commenter's bans. Done, the page shows it; refused (the database down), the form says why. */
export function UnbanForm({ userId, label }: { userId: string; label: string }) {
  const [state, formAction, pending] = useActionState(adminUnbanUserAction, idleAdminForm);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      {state.status === 'error' && (state.errors.request ?? state.message) && (
        <p className="form-error" role="alert">
          {state.errors.request ?? state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
