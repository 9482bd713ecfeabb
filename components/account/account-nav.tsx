import { SiteLink } from '@/components/site-link';
import { SignOutForm } from './sign-out-form';
import type { Viewer } from '@/lib/users/accounts';

/**
 * Who is signed in, in the masthead, their name leading to their account page; sign-out is a form
 * so it works without JavaScript. Admins also get the way to the console, with how many comments
 * wait ("Admin (3)").
 */
export function AccountNav({ viewer, pendingCount = null }: { viewer: Viewer | null; pendingCount?: number | null }) {
  return (
    <nav className="account-nav" aria-label="Account">
      {viewer ? (
        <>
          <span>
            Signed in as{' '}
            <SiteLink href="/account" className="account-name-link">
              <strong>{viewer.name}</strong>
            </SiteLink>
          </span>
          {viewer.role === 'admin' && (
            <SiteLink href="/admin" className="admin-link">
              Admin{pendingCount ? ` (${pendingCount.toLocaleString('en-US')})` : ''}
            </SiteLink>
          )}
          <SignOutForm />
        </>
      ) : (
        <>
          <SiteLink href="/signin">Sign in</SiteLink>
          <SiteLink href="/register">Register</SiteLink>
        </>
      )}
    </nav>
  );
}
