import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { auditTargets } from '@/lib/moderation/console';
import { adminForPage } from '../../_lib/guard';
import { settingsChanges } from '../../_lib/wording';
import { AdminNav } from '@/components/admin/admin-nav';
import { formatTimestamp } from '@/lib/content/dates';
import { getSite } from '@/lib/content/site';
import { listAuditEntries, listLogActors } from '@/lib/moderation/audit';
import { commentIdSchema } from '@/lib/comments/schemas';
import { typedCommentIdSchema } from '@/lib/moderation/schemas';
import { FieldError } from '@/components/comments/field-error';

export const metadata: Metadata = { title: 'Moderation log', robots: { index: false, follow: false } };

/** The comment box is read on its own (typedCommentIdSchema): a bad id gets a message, not a silent drop. */
const querySchema = z.object({
  comment: z.string().optional().catch(undefined),
  admin: z.string().min(1).max(100).optional().catch(undefined),
  cursor: commentIdSchema.optional().catch(undefined),
});

type Query = { comment?: number | string; admin?: string; cursor?: number };

function logHref(query: Query): string {
  const params = new URLSearchParams();
  if (query.comment !== undefined) params.set('comment', String(query.comment));
  if (query.admin) params.set('admin', query.admin);
  if (query.cursor !== undefined) params.set('cursor', String(query.cursor));
  const search = params.toString();
  return `/admin/log${search ? `?${search}` : ''}`;
}

export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  // An empty box in the filter form arrives as "": that means no filter, not a bad one.
  const asked = querySchema.parse(Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== '')));
  await adminForPage(logHref(asked));
  const typed = asked.comment?.trim().slice(0, 100) ?? '';
  const commentFilter = typed === '' ? null : typedCommentIdSchema.safeParse(typed);
  const commentError = commentFilter && !commentFilter.success ? commentFilter.error.issues[0]?.message : undefined;
  const query = { ...asked, comment: commentFilter?.success ? commentFilter.data : undefined };
  // A comment id that is not one filters nothing: show no entries rather than all of them as if filtered.
  const [{ entries, nextCursor }, actors] = await Promise.all([
    commentError ? { entries: [], nextCursor: null } : listAuditEntries({ commentId: query.comment, actorId: query.admin, cursor: query.cursor, limit: 50 }),
    listLogActors(),
  ]);
  const targets = await auditTargets(entries);
  const site = getSite();

  const target = (entry: (typeof entries)[number]): ReactNode => {
    switch (entry.targetType) {
      case 'comment': {
        const post = targets.commentPost.get(Number(entry.targetId));
        return (
          <>
            {post ? <a href={`/comments/${entry.targetId}`}>comment #{entry.targetId}</a> : <>comment #{entry.targetId}</>} (
            <SiteLink href={logHref({ comment: Number(entry.targetId) })} aria-label={`History of comment ${entry.targetId}`}>
              history
            </SiteLink>
            )
          </>
        );
      }
      case 'post': {
        const post = targets.posts.get(entry.targetId);
        return post ? <a href={post.path}>{post.title}</a> : <>post {entry.targetId}</>;
      }
      case 'user':
        return <SiteLink href={`/admin/users/${encodeURIComponent(entry.targetId)}`}>{targets.userNames.get(entry.targetId) ?? 'deleted user'}</SiteLink>;
      default:
        return <SiteLink href="/admin/settings">comment settings</SiteLink>;
    }
  };

  const change = (entry: (typeof entries)[number]): ReactNode => {
    if (entry.targetType === 'settings') {
      const lines = settingsChanges(entry.before, entry.after);
      return lines.length > 0 ? (
        <ul className="log-changes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        'no change'
      );
    }
    if (!entry.before && !entry.after) return null;
    return `${entry.before ?? '—'} → ${entry.after ?? '—'}`;
  };

  return (
    <main id="content" className="admin-page">
      <AdminNav current="log" />
      <h1>Moderation log</h1>
      <form method="get" action="/admin/log" className="log-filter" aria-label="Filter the log">
        <label>
          Comment id{' '}
          <input
            name="comment"
            inputMode="numeric"
            defaultValue={commentError ? typed : (query.comment ?? '')}
            size={8}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? 'log-comment-error' : undefined}
          />
        </label>
        <label>
          Admin{' '}
          <select name="admin" defaultValue={query.admin ?? ''}>
            <option value="">All admins</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.role === 'admin' ? actor.name : `${actor.name} (no longer an admin)`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
        {(query.comment !== undefined || query.admin || commentError) && <SiteLink href="/admin/log">Show everything</SiteLink>}
        <FieldError id="log-comment-error" message={commentError} />
        {query.comment !== undefined && typed !== String(query.comment) && (
          <p className="form-hint">
            “{typed}” read as comment {query.comment}.
          </p>
        )}
      </form>
      {commentError ? (
        <p className="status-message">Nothing shown: fix the comment id above.</p>
      ) : entries.length === 0 ? (
        <p className="status-message">Nothing logged{query.comment !== undefined || query.admin ? ' for this filter' : ' yet'}.</p>
      ) : (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="visually-hidden">Moderation actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Change</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.createdAt.toISOString()}>{formatTimestamp(entry.createdAt, site.timeZone)}</time>
                  </td>
                  <td>{entry.actorName}</td>
                  <td>{entry.action}</td>
                  <td>{target(entry)}</td>
                  <td>{change(entry)}</td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(query.cursor !== undefined || nextCursor !== null) && (
        <nav className="pager" aria-label="More log entries">
          {query.cursor !== undefined ? <SiteLink href={logHref({ ...query, cursor: undefined })}>« Newest entries</SiteLink> : <span />}
          {nextCursor !== null ? (
            <SiteLink href={logHref({ ...query, cursor: nextCursor })} rel="next">
              Older entries »
            </SiteLink>
          ) : (
            <span />
          )}
        </nav>
      )}
    </main>
  );
}
