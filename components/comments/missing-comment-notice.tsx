'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { focusAfterSend, focusById, SECTION_NOTICE_ID } from './focus-after-send';

const COMMENT_FRAGMENT = /^#c([1-9]\d{0,15})$/;

const MISSING_COMMENT_ID = 'missing-comment';
const MISSING_COMMENT = 'The comment this link leads to is not on this page: it has been removed, or is not shown yet.';

/**
 * A link to one comment (`…?comments=2#c42`, from a feed, a mail or another page) whose comment
 * this page does not draw. The browser would open the page at its top without a word. The comment's
 * own address (`/comments/{id}`) knows where it is now: on another page of the thread (the number
 * of comments a page holds changed since the link was made), it goes there; nowhere the reader may
 * see, the comment section says so. Only a script sees an address's #fragment, so only with
 * JavaScript; and only for the address the page was opened or moved to, not after live updates.
 */
export function MissingCommentNotice({ postPath }: { postPath: string }) {
  const router = useRouter();
  // Looked at again when the address moves on: to the page this sent the reader to, say.
  const search = useSearchParams().toString();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    // Only the newest look acts: a reader may follow another link before an answer comes.
    let latest = 0;
    const look = async () => {
      const mine = ++latest;
      const id = COMMENT_FRAGMENT.exec(window.location.hash)?.[1];
      if (!id || document.getElementById(`c${id}`)) {
        setMissing(false);
        return;
      }
      const here = `${window.location.pathname}${window.location.search}`;
      const found = await fetch(`/comments/${id}`, { method: 'HEAD' }).catch(() => null);
      if (mine !== latest) return;
      const there = found?.ok ? new URL(found.url) : null;
      if (there?.pathname === postPath && `${there.pathname}${there.search}` !== here) {
        // Drawn there, the comment takes the focus, as after any form that sends the reader on;
        // removed, the page there says so (`?removed=`), and its word takes it.
        const removed = there.searchParams.get('removed') === id;
        focusAfterSend(removed ? SECTION_NOTICE_ID : `c${id}`);
        router.replace(`${there.pathname}${there.search}${removed ? '#comments' : `#c${id}`}`);
        return;
      }
      // Removed, or its place on this very page drawn without it. Not when the lookup itself
      // failed (the database or the network down): that says nothing about the comment.
      if (found?.status !== 404 && there?.pathname !== postPath) return;
      setMissing(true);
    };
    void look();
    window.addEventListener('hashchange', look);
    return () => {
      latest = -1;
      window.removeEventListener('hashchange', look);
    };
  }, [postPath, router, search]);
  // The reader lands on the word, which a screen reader then reads, unless they have gone on to
  // something else meanwhile.
  useEffect(() => {
    if (missing && (!document.activeElement || document.activeElement === document.body)) focusById(MISSING_COMMENT_ID);
  }, [missing]);
  if (!missing) return null;
  return (
    <p className="status-message" role="status" id={MISSING_COMMENT_ID}>
      {MISSING_COMMENT}
    </p>
  );
}
