'use client';

import { catchError, type ErrorInfo } from 'next/error';

/**
 * A comment box whose request gets no answer the page can read (the blog unreachable, or a proxy
 * in front refusing it in words of its own) makes the box's action throw. Unhandled, that takes the
 * whole post page down to Next's "This page couldn't load". Here only the comment section stops: it
 * says what happened and draws its boxes again on request, and what was typed comes back from the
 * browser's draft (use-draft). Next's own boundary, so a redirect an action asks for still happens.
 */
function Unanswered(_props: object, { reset }: ErrorInfo) {
  return (
    <div className="form-error" role="alert">
      <p>The blog did not answer as expected, so nothing was changed. What you wrote is kept in this browser.</p>
      <button type="button" onClick={reset}>
        Back to the comments
      </button>
    </div>
  );
}

export const UnansweredBoundary = catchError(Unanswered);
