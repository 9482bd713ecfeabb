import { SiteLink } from '@/components/site-link';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main id="content" className="main-column not-found">
      <h1>Sorry, the page you were looking for in this blog does not exist.</h1>
      <p>
        It may have moved, or the address may be mistyped. <SiteLink href="/">Go to the home page</SiteLink> or browse the
        archive.
      </p>
    </main>
  );
}
