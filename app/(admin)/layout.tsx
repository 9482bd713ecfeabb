import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Nothing here is for search engines. Access is checked by each page, not here: a layout is kept
// across navigations and does not run again, so it cannot be the guard.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
