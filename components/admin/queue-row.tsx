import { SiteLink } from '@/components/site-link';
import { ACTION_LABELS, plural, timeAgo } from '@/app/(admin)/_lib/wording';
import { formatTimestamp } from '@/lib/content/dates';
import { moderatorMay, type ModerationAction } from '@/lib/moderation/moderate';
import type { QueueRow as Row } from '@/lib/moderation/queue';
import { QueueRowActions } from './queue-row-actions';

/** One comment in the queue: where, who (and how established), what, when, why it waits, and what to do. */
export function QueueRow({
  row,
  actions,
  checked,
  timeZone,
  now,
}: {
  row: Row;
  actions: readonly ModerationAction[];
  checked: boolean;
  timeZone: string;
  now: Date;
}) {
  const { author } = row;
  const label = `comment ${row.id} by ${author.name}`;
  return (
    <li className="queue-row" id={`q${row.id}`} aria-labelledby={`q${row.id}-title`}>
      <input type="checkbox" name="ids" value={row.id} defaultChecked={checked} aria-label={`Select ${label}`} />
      <div className="queue-row-main">
        <p className="queue-row-title" id={`q${row.id}-title`}>
          {row.postPath ? <a href={`/comments/${row.id}`}>{row.postTitle}</a> : row.postTitle}
          <span className="visually-hidden">, {label}</span>
        </p>
        <p className="queue-author">
          {author.kind === 'user' ? (
            <>
              <SiteLink href={`/admin/users/${encodeURIComponent(author.id)}`} className="queue-author-name">
                {author.name}
              </SiteLink>
              <span>{author.email}</span>
              <span>joined {timeAgo(author.joinedAt, now)}</span>
              <span>{plural(author.publishedCount, 'published comment')}</span>
              {author.banned && <span className="queue-banned">banned</span>}
            </>
          ) : (
            <>
              <span className="queue-author-name">{author.name}</span>
              {author.email && <span>{author.email}</span>}
              <span className="queue-guest">guest</span>
            </>
          )}
        </p>
        <p className="queue-excerpt">{row.excerpt}</p>
        {/* Spam and deleted comments are not drawn on their post, so the whole text is read here. */}
        {row.fullText !== null && (
          <details className="queue-full-text">
            <summary>
              Read the whole comment<span className="visually-hidden"> ({label})</span>
            </summary>
            <p>{row.fullText}</p>
          </details>
        )}
        <p className="queue-row-meta">
          <time dateTime={row.createdAt.toISOString()}>{formatTimestamp(row.createdAt, timeZone)}</time>
          {row.heldReason && (
            <span className="held-reason">
              <span className="visually-hidden">Reason: </span>
              {row.heldReason}
            </span>
          )}
          {row.deletedBy && <span className="deleted-by">{row.deletedBy === 'author' ? 'deleted by its author' : 'deleted by a moderator'}</span>}
        </p>
        <QueueRowActions>
          {/* What its author deleted is not a moderator's to publish again, so no button offers it. */}
          {actions.filter((action) => moderatorMay(action, row.deletedBy)).map((action) => (
            <button key={action} type="submit" name="action" value={`${action}:${row.id}`} className="link-button" aria-label={`${ACTION_LABELS[action]} ${label}`}>
              {ACTION_LABELS[action]}
            </button>
          ))}
          {author.kind === 'user' && (
            <SiteLink href={`/admin/users/${encodeURIComponent(author.id)}#ban`} aria-label={`${author.banned ? 'Ban details for' : 'Ban'} ${author.name}`}>
              {author.banned ? 'Banned…' : 'Ban…'}
            </SiteLink>
          )}
        </QueueRowActions>
      </div>
    </li>
  );
}
