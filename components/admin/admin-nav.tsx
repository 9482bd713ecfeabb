import { SiteLink } from '@/components/site-link';

const SECTIONS = [
  { key: 'queue', href: '/admin', label: 'Moderation queue' },
  { key: 'settings', href: '/admin/settings', label: 'Settings' },
  { key: 'log', href: '/admin/log', label: 'Log' },
] as const;

/** The console's own navigation, rendered by each page after it has checked the viewer is an admin. */
export function AdminNav({ current }: { current: (typeof SECTIONS)[number]['key'] | null }) {
  return (
    <nav className="admin-nav" aria-label="Admin">
      {SECTIONS.map((section) => (
        <SiteLink key={section.key} href={section.href} aria-current={section.key === current ? 'page' : undefined}>
          {section.label}
        </SiteLink>
      ))}
    </nav>
  );
}
