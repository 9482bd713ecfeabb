'use client';

import { signOutAction } from '@/app/actions/sign-out-action';
import { forgetAllDrafts } from '@/components/comments/use-draft';

/**
 * Sign-out as a plain form (works without JavaScript); with it, this reader's drafts go too. The
 * reader stays on the page they were reading (sign-out-action).
 */
export function SignOutForm() {
  return (
    <form action={signOutAction} className="inline-form" onSubmit={forgetAllDrafts}>
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
