'use server';

import { refresh } from 'next/cache';
import { getViewer } from '@/lib/auth';
import type { AccountFormState } from '@/lib/users/form-state';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import { RENAMING_UNAVAILABLE, renameReader } from '@/lib/users/rename';

const SIGNED_OUT_OF_ACCOUNT = 'You were signed out. Sign in again to change your name.';

/** Saves the reader's display name from their account page. Works without JavaScript. */
export async function renameAccountAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = { name: String(formData.get('name') ?? '').slice(0, 300) };
  const viewer = await unlessDatabaseDown(() => getViewer(), RENAMING_UNAVAILABLE);
  if (isUnavailable(viewer)) return { errors: viewer.errors, values };
  if (!viewer) {
    // The page is drawn again as they now are (the masthead offers Sign in); the form keeps the name.
    refresh();
    return { errors: { request: SIGNED_OUT_OF_ACCOUNT }, values, signedOut: true };
  }
  const result = await renameReader({ name: formData.get('name') ?? '' }, viewer);
  if (!result.ok) return { errors: result.errors, values };
  // The masthead names the reader too: drawn again with the new name.
  if (result.changed) refresh();
  return {
    errors: {},
    values: { name: result.name },
    message: result.changed ? `Saved. Your comments now show “${result.name}”.` : 'That is already your name.',
  };
}
