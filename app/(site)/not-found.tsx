import { SiteLink } from '@/components/site-link';

/** A 404 inside the reading layout: the layout already provides the page's <main>. */
export default function SiteNotFound() {
  return (
    <div className="not-found">
      <h1>Sorry, the page you were looking for in this blog does not exist.</h1>
      <p>
        It may have moved, or the address may be mistyped. Go to the <SiteLink href="/">home page</SiteLink>, or look
        through the Blog Archive.
      </p>
    </div>
  );
}
