'use client';

import { useCallback, useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';

/**
 * Keeps what is typed in a comment box in this browser until it is published or cancelled, so a
 * reload, a closed tab or a detour to sign in does not lose it. Needs JavaScript; without it the
 * server hands the text back on every error instead. Storage may be full or blocked (private
 * windows): then the box simply works without drafts.
 */
export function useDraft(
  key: string,
  published: number | undefined,
  onRestored?: () => void,
  sent?: RefObject<string | null>,
) {
  const box = useRef<HTMLTextAreaElement | null>(null);
  // What this browser holds for the box: a box drawn only if it has a draft (CommentForm's
  // keepIfDrafted) learns it here, once hydrated (the server has no storage, and says none).
  const stored = useSyncExternalStore(
    subscribeToOtherTabs,
    () => read(key),
    () => null,
  );
  // Told when a draft comes back, without restarting the effect below for a new callback.
  const restored = useRef(onRestored);
  useEffect(() => {
    restored.current = onRestored;
  });

  // On a new box: published just now means the draft is done with, unless the reader typed on while
  // it was sent (`sent`, what was sent): then the fresh box brings back what was added. Otherwise
  // bring back what the browser kept.
  useEffect(() => {
    if (published) {
      const kept = read(key);
      const textarea = box.current;
      if (kept !== null && sent?.current != null && kept !== sent.current && textarea && textarea.value === '') {
        // Only what was added to the published words: the box holding them again would publish them twice.
        const added = kept.startsWith(sent.current) ? kept.slice(sent.current.length).trimStart() : kept;
        if (!added.trim()) {
          forget(key);
          return;
        }
        write(key, added);
        textarea.value = added;
        restored.current?.();
        return;
      }
      forget(key);
      return;
    }
    const textarea = box.current;
    if (!textarea || textarea.value !== '') return;
    const draft = read(key);
    if (draft) {
      textarea.value = draft;
      restored.current?.();
    }
  }, [key, published, sent]);

  const save = useCallback((text: string) => (text.trim() ? write(key, text) : forget(key)), [key]);
  const discard = useCallback(() => forget(key), [key]);
  return { box, save, discard, stored };
}

/**
 * The edit box's draft: the rewrite of comment `commentId`, kept with the text it started from
 * (`body`). It comes back only over that same text: once saved, or rewritten from another device,
 * the comment's text is another, and the draft is forgotten when its box next opens (or at sign
 * out). `body` is null where the box is drawn without its comment (a refused save, the thread not
 * drawn): the draft is then kept as it is, and what is typed goes on over the text it started from.
 */
export function useEditDraft(commentId: number, body: string | null) {
  const key = `edit:${commentId}`;
  const box = useRef<HTMLTextAreaElement | null>(null);
  // The rewrite this browser holds, for a box drawn without its comment only if there is one
  // (EditCommentForm's keepIfDrafted); none on the server, which has no storage.
  const stored = useSyncExternalStore(
    subscribeToOtherTabs,
    () => parseEditDraft(read(key))?.text ?? null,
    () => null,
  );
  // Whether that rewrite is of the text the box starts from, so the box brings it back (a draft over
  // an older text is forgotten when the box opens).
  const rewrites = useSyncExternalStore(
    subscribeToOtherTabs,
    () => {
      const draft = parseEditDraft(read(key));
      return draft !== null && (body === null || draft.from === body);
    },
    () => false,
  );
  useEffect(() => {
    if (body === null) return;
    const textarea = box.current;
    const draft = parseEditDraft(read(key));
    if (!draft || draft.from !== body) return forget(key);
    if (textarea && textarea.value === body) textarea.value = draft.text;
  }, [key, body]);
  const save = useCallback(
    (text: string) => {
      const from = body ?? parseEditDraft(read(key))?.from;
      if (from === undefined) return; // nothing to start from: the box itself still holds the text
      if (text === from) forget(key);
      else write(key, JSON.stringify({ from, text }));
    },
    [key, body],
  );
  const discard = useCallback(() => forget(key), [key]);
  return { box, save, discard, stored, rewrites };
}

function parseEditDraft(stored: string | null): { from: string; text: string } | null {
  if (!stored) return null;
  try {
    const draft: unknown = JSON.parse(stored);
    if (typeof draft === 'object' && draft !== null && 'from' in draft && 'text' in draft) {
      const { from, text } = draft;
      if (typeof from === 'string' && typeof text === 'string') return { from, text };
    }
  } catch {
    // Not a draft this blog wrote.
  }
  return null;
}

const storageKey = (key: string) => `quire:draft:${key}`;

/** Drafts written in this tab are read again at its next render; other tabs' writes arrive as events. */
function subscribeToOtherTabs(changed: () => void): () => void {
  window.addEventListener('storage', changed);
  return () => window.removeEventListener('storage', changed);
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(key));
  } catch {
    return null;
  }
}

function write(key: string, text: string): void {
  try {
    window.localStorage.setItem(storageKey(key), text);
  } catch {
    // No room or no storage: the text is still in the box.
  }
}

function forget(key: string): void {
  try {
    window.localStorage.removeItem(storageKey(key));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** Every draft in this browser, e.g. when its reader signs out on a shared computer. */
export function forgetAllDrafts(): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i));
    for (const key of keys) if (key?.startsWith(storageKey(''))) window.localStorage.removeItem(key);
  } catch {
    // No storage: no drafts.
  }
}
