import { SiteLink } from '@/components/site-link';
import { redirect } from 'next/navigation';
import { RegisterForm } from '@/components/account/register-form';
import { getViewer, readerCameFrom, safeReturnPath } from '@/lib/auth';

export const metadata = { title: 'Register', robots: { index: false } };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo ?? (await readerCameFrom()));
  if (await getViewer().catch(() => null)) redirect(returnTo);
  return (
    <main id="content" className="account-page">
      <h1>Register</h1>
      <p>An account lets you comment, reply and edit what you wrote.</p>
      <RegisterForm returnTo={returnTo} />
      <p>
        Already registered? <SiteLink href={`/signin?returnTo=${encodeURIComponent(returnTo)}`}>Sign in</SiteLink>
      </p>
    </main>
  );
}
