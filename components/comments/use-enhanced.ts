'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * True once the page's JavaScript runs (false in the server HTML). Forms send it as `js=1` so the
 * server knows it may answer in place instead of with the redirect a form without JavaScript needs.
 */
export function useEnhanced(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
