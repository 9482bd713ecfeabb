import type { Metadata } from 'next';
import { adminForPage } from '../../_lib/guard';
import { AdminNav } from '@/components/admin/admin-nav';
import { SettingsForm } from '@/components/admin/settings-form';
import { getCommentSettings } from '@/lib/comments/settings';

export const metadata: Metadata = { title: 'Comment settings', robots: { index: false, follow: false } };

export default async function CommentSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminForPage('/admin/settings');
  const saved = (await searchParams).saved === '1';
  const settings = await getCommentSettings();
  return (
    <main id="content" className="admin-page">
      <AdminNav current="settings" />
      <h1>Comment settings</h1>
      <p className="form-hint">Changes apply to new comments at once and are recorded in the log.</p>
      <SettingsForm settings={settings} saved={saved} />
    </main>
  );
}
