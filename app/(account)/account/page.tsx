import { AccountNameForm } from '@/components/account/account-name-form';
import { getViewer } from '@/lib/auth';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';

export const metadata = { title: 'Your account', robots: { index: false } };

/**
 * `/account`: the signed-in reader's own page, where they change the name their comments show.
 * Signed out, it says so and offers Sign in, rather than redirecting: a form sent after signing
 * out in another tab is answered here, with what was typed, and a redirect would re-send it.
 */
export default async function AccountPage() {
  const viewer = await unlessDatabaseDown(
    () => getViewer(),
    'Your account cannot be read right now. Please try again in a minute.',
  );
  if (isUnavailable(viewer)) {
    return (
      <main id="content" className="account-page">
        <h1>Your account</h1>
        <p className="form-error" role="alert">
          {viewer.errors.request}
        </p>
      </main>
    );
  }
  return (
    <main id="content" className="account-page">
      <h1>Your account</h1>
      <p>
        {viewer ? (
          <>
            Signed in with <strong>{viewer.email}</strong>.
          </>
        ) : (
          'You are not signed in.'
        )}
      </p>
      <h2 id="account-name-heading">Your name</h2>
      <AccountNameForm name={viewer?.name ?? null} />
    </main>
  );
}
