import { SiteLink } from '@/components/site-link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/account/sign-in-form';
import { getViewer, oauthProviders, safeReturnPath, signIn, withReturnToInAddress } from '@/lib/auth';

export const metadata = { title: 'Sign in', robots: { index: false } };

/** What signing in is for, by the page it returns to: the admin pages are not about commenting. */
function whySignIn(returnTo: string): string {
  const path = returnTo.split(/[?#]/)[0] ?? '';
  if (path === '/admin' || path.startsWith('/admin/')) return 'Sign in as an admin to moderate the blog.';
  if (path === '/account') return 'Sign in to change your name or your password.';
  return 'Sign in to post a comment.';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  // The masthead's Sign in names no page: back to the one the reader was reading, kept in the address.
  const named = await withReturnToInAddress('/signin', query);
  if (named) redirect(named);
  const returnTo = safeReturnPath(query.returnTo ?? query.callbackUrl);
  if (await getViewer().catch(() => null)) redirect(returnTo);
  const providers = oauthProviders();
  return (
    <main id="content" className="account-page">
      <h1>Sign in</h1>
      <p>{whySignIn(returnTo)}</p>
      {query.error && (
        <p className="form-error" role="alert">
          {query.error === 'OAuthAccountNotLinked'
            ? 'An account with that email already exists here. Sign in the way it was made: with its email and password, or with the provider it was made with.'
            : query.error === 'OAuthNoEmail'
              ? 'That provider did not share a verified email address, which an account here needs.'
              : 'Signing in did not work. Please try again.'}
        </p>
      )}
      <SignInForm returnTo={returnTo} />
      {providers.map((provider) => (
        <form
          key={provider.id}
          className="oauth-form"
          action={async () => {
            'use server';
            await signIn(provider.id, { redirectTo: returnTo });
          }}
        >
          <button type="submit">Sign in with {provider.name}</button>
        </form>
      ))}
      <p>
        New here? <SiteLink href={`/register?returnTo=${encodeURIComponent(returnTo)}`}>Register</SiteLink>
      </p>
    </main>
  );
}
