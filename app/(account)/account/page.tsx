import { AccountNameForm } from '@/components/account/account-name-form';
import { PasswordForm } from '@/components/account/password-form';
import { getViewer } from '@/lib/auth';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import { hasPassword } from '@/lib/users/accounts';
import { passwordChangedMessage } from '@/lib/users/password-change';

export const metadata = { title: 'Your account', robots: { index: false } };

/**
 * `/account`: the signed-in reader's own page, where they change the name their comments show and,
 * for an account that signs in with a password here, the password.
 * Signed out, it says so and offers Sign in, rather than redirecting: a form sent after signing
 * out in another tab is answered here, with what was typed, and a redirect would re-send it.
 */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { changed } = await searchParams;
  const account = await unlessDatabaseDown(async () => {
    const viewer = await getViewer();
    return { viewer, withPassword: viewer ? await hasPassword(viewer.id) : false };
  }, 'Your account cannot be read right now. Please try again in a minute.');
  if (isUnavailable(account)) {
    return (
      <main id="content" className="account-page">
        <h1>Your account</h1>
        <p className="form-error" role="alert">
          {account.errors.request}
        </p>
      </main>
    );
  }
  const { viewer, withPassword } = account;
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
      {/* Drawn signed out too, where it says why a form just sent did nothing (none for an account without a password). */}
      {(viewer === null || withPassword) && (
        <PasswordForm
          email={viewer && withPassword ? viewer.email : null}
          changed={viewer && typeof changed === 'string' ? passwordChangedMessage(viewer.id, changed) : null}
        />
      )}
    </main>
  );
}
