import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { lastDayOfBan } from '@/lib/moderation/bans';
import { getUserProfile } from '@/lib/moderation/console';
import { adminForPage } from '../../../_lib/guard';
import { plural, timeAgo } from '../../../_lib/wording';
import { AdminNav } from '@/components/admin/admin-nav';
import { BanForm } from '@/components/admin/ban-form';
import { UnbanForm } from '@/components/admin/unban-form';
import { formatTimestamp } from '@/lib/content/dates';
import { getSite } from '@/lib/content/site';

export const metadata: Metadata = { title: 'Commenter', robots: { index: false, follow: false } };

const querySchema = z.object({
  done: z.enum(['ban', 'unban']).optional().catch(undefined),
  count: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
});

function doneMessage(done: 'ban' | 'unban' | undefined, count: number | undefined): string | null {
  if (done === 'ban') return `Banned.${count ? ` ${plural(count, 'comment')} hidden.` : ''}`;
  if (done === 'unban') return `Ban lifted.${count ? ` ${plural(count, 'comment')} restored.` : ''}`;
  return null;
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const viewer = await adminForPage(`/admin/users/${encodeURIComponent(id)}`);
  const profile = await getUserProfile(id);
  if (!profile) notFound();
  const query = querySchema.parse(await searchParams);
  const { user, counts, ban, endedBan, recent } = profile;
  const site = getSite();
  const now = new Date();
  const message = doneMessage(query.done, query.count);
  return (
    <main id="content" className="admin-page">
      <AdminNav current={null} />
      <h1>{user.name}</h1>
      {message && (
        <p className="form-success" role="status">
          {message}
        </p>
      )}
      <dl className="user-facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role === 'admin' ? 'admin' : 'reader'}</dd>
        <dt>Joined</dt>
        <dd>
          <time dateTime={user.createdAt.toISOString()}>{formatTimestamp(user.createdAt, site.timeZone)}</time> ({timeAgo(user.createdAt, now)})
        </dd>
        <dt>Comments</dt>
        <dd>
          {counts.published} published, {counts.pending} pending, {counts.spam} spam, {counts.deleted} deleted
        </dd>
      </dl>

      <section id="ban" aria-labelledby="ban-heading">
        <h2 id="ban-heading">Ban</h2>
        {ban ? (
          <div className="active-ban">
            <p>
              <strong>Banned {ban.endsAt ? `through ${lastDayOfBan(ban.endsAt, site.timeZone)}` : 'for good'}</strong> since{' '}
              {formatTimestamp(ban.createdAt, site.timeZone)}. Reason: {ban.reason}
              {ban.hidden > 0 && <> — {plural(ban.hidden, 'comment')} hidden by this ban.</>}
            </p>
            {endedBan && (
              <p>
                An earlier ban ended after {lastDayOfBan(endedBan.endedAt, site.timeZone)} and still hides {plural(endedBan.hidden, 'comment')}; unbanning restores them too.
              </p>
            )}
            <UnbanForm userId={user.id} label="Unban" />
          </div>
        ) : user.id === viewer.id ? (
          <p>This is you.</p>
        ) : (
          <>
            {endedBan ? (
              <div className="ended-ban">
                <p>
                  Not banned: the last ban ended after {lastDayOfBan(endedBan.endedAt, site.timeZone)}, but it still hides {plural(endedBan.hidden, 'comment')} until it
                  is lifted.
                </p>
                <UnbanForm userId={user.id} label="Lift the ban and restore its hidden comments" />
              </div>
            ) : (
              <p>Not banned. A banned account cannot comment; its hidden comments come back when the ban is lifted.</p>
            )}
            <BanForm userId={user.id} name={user.name} />
          </>
        )}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent comments</h2>
        {recent.length === 0 ? (
          <p>No comments yet.</p>
        ) : (
          <ol className="user-comments">
            {recent.map((comment) => (
              <li key={comment.id}>
                <span className={`status-badge status-${comment.status}`}>{comment.hiddenByBan ? 'hidden by ban' : comment.status}</span>{' '}
                {comment.postPath ? <a href={`/comments/${comment.id}`}>{comment.postTitle}</a> : comment.postTitle}:{' '}
                <span className="user-comment-excerpt">{comment.excerpt}</span>{' '}
                <time dateTime={comment.createdAt.toISOString()}>{formatTimestamp(comment.createdAt, site.timeZone)}</time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
