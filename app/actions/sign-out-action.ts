'use server';

import { readerCameFrom, signOut } from '@/lib/auth';

/**
 * Signs out and stays on the page the reader signed out from (the form is in the masthead of every
 * page; the request's Referer names it). The admin console's pages would only ask to sign in again:
 * from those, home.
 */
export async function signOutAction(): Promise<void> {
  const from = await readerCameFrom();
  await signOut({ redirectTo: from && !/^\/admin(\/|\?|$)/.test(from) ? from : '/' });
}
