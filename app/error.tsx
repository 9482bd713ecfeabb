'use client';

import { SiteLink } from '@/components/site-link';

/**
 * What a page shows when it cannot finish: a form whose request got an answer the page cannot read
 * (a proxy refusing it in words of its own, the blog unreachable) or an error while drawing. The
 * masthead stays; in place of Next's bare "This page couldn't load", the reader is told what
 * happened and how to go on. (The comment section has a boundary of its own that keeps the post.)
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="content" className="main-column not-found">
      <h1>Something went wrong</h1>
      <p>The blog did not answer as expected, so this page could not go on. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <SiteLink href="/">go to the home page</SiteLink>.
      </p>
    </main>
  );
}
