import Link from 'next/link';
import { signOutAction } from '@/app/actions/sign-out-action';
import type { Viewer } from '@/lib/users/accounts';

/** Who is signed in, in the masthead; sign-out is a form so it works without JavaScript. */
export function AccountNav({ viewer }: { viewer: Viewer | null }) {
  return (
    <nav className="account-nav" aria-label="Account">
      {viewer ? (
        <>
          <span>
            Signed in as <strong>{viewer.name}</strong>
          </span>
          <form action={signOutAction} className="inline-form">
            <input type="hidden" name="returnTo" value="/" />
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <>
          <Link href="/signin">Sign in</Link>
          <Link href="/register">Register</Link>
        </>
      )}
    </nav>
  );
}
