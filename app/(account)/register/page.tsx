import { SiteLink } from '@/components/site-link';
import { redirect } from 'next/navigation';
import { RegisterForm } from '@/components/account/register-form';
import { getViewer, safeReturnPath, withReturnToInAddress } from '@/lib/auth';

export const metadata = { title: 'Register', robots: { index: false } };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  // Reached by the masthead's link: back to the page the reader was reading, kept in the address.
  const named = await withReturnToInAddress('/register', query);
  if (named) redirect(named);
  const returnTo = safeReturnPath(query.returnTo);
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
