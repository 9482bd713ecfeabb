'use client';

import { signOutAction } from '@/app/actions/sign-out-action';
import { forgetAllDrafts } from '@/components/comments/use-draft';

/** Sign-out as a plain form (works without JavaScript); with it, this reader's drafts go too. */
export function SignOutForm() {
  return (
    <form action={signOutAction} className="inline-form" onSubmit={forgetAllDrafts}>
      <input type="hidden" name="returnTo" value="/" />
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
