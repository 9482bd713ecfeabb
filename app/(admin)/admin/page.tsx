import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { z } from 'zod';
import { adminForPage } from '../_lib/guard';
import { queueHref } from '../_lib/queue-href';
import { emptyQueuePageMessage, goOnThroughTab, moderationDoneMessage, plural } from '../_lib/wording';
import { AdminNav } from '@/components/admin/admin-nav';
import { QueueForm } from '@/components/admin/queue-form';
import { QueueRow } from '@/components/admin/queue-row';
import type { CommentStatus } from '@/lib/comments/rules';
import { getSite } from '@/lib/content/site';
import { MODERATION_ACTIONS } from '@/lib/moderation/moderate';
import { countByStatus, listQueuePage, TAB_ACTIONS, WHOLE_TAB_STEP } from '@/lib/moderation/queue';
import { cutOffText, queuePlaceSchema, tabCutOffSchema } from '@/lib/moderation/schemas';

export const metadata: Metadata = { title: 'Moderation queue', robots: { index: false, follow: false } };

/** The address's wishes; anything malformed falls back rather than failing the page. */
const querySchema = queuePlaceSchema.extend({
  select: z.literal('all').optional().catch(undefined),
  done: z.enum(MODERATION_ACTIONS).optional().catch(undefined),
  count: z.coerce.number().int().min(0).max(10_000).optional().catch(undefined),
  missing: z.coerce.number().int().min(0).max(10_000).default(0).catch(0),
  byAuthor: z.coerce.number().int().min(0).max(10_000).default(0).catch(0),
  meanwhile: z.coerce.number().int().min(0).max(10_000).default(0).catch(0),
  /** Restored comments that went back to Pending, where they were when removed. */
  queued: z.coerce.number().int().min(0).max(10_000).default(0).catch(0),
  left: z.coerce.number().int().min(0).default(0).catch(0),
  /** The cut-off of the whole-tab step that left `left`: going on stops there too. */
  leftUpTo: tabCutOffSchema.optional().catch(undefined),
});

const TABS: { status: CommentStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'published', label: 'Published' },
  { status: 'spam', label: 'Spam' },
  { status: 'deleted', label: 'Deleted' },
];

export default async function ModerationQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = querySchema.parse(await searchParams);
  await adminForPage(queueHref({ status: query.status }));
  const [counts, queue] = await Promise.all([
    countByStatus(),
    listQueuePage({ status: query.status, cursor: query.cursor, upTo: query.upTo }),
  ]);
  // Where "every comment in this tab" stops, the tab as page 1 showed it: its later pages' addresses carry it.
  const upTo = queue.upTo ? cutOffText(queue.upTo) : undefined;
  const carriedUpTo = query.cursor === undefined ? undefined : upTo;
  const actions = TAB_ACTIONS[query.status];
  // After a whole-tab step that left some (no JavaScript): the button that goes on from there.
  const goOn =
    query.done !== undefined &&
    query.left > 0 &&
    query.leftUpTo !== undefined &&
    (actions as readonly string[]).includes(query.done)
      ? goOnThroughTab(query.done, cutOffText(query.leftUpTo), query.left, WHOLE_TAB_STEP, query.status)
      : null;
  const site = getSite();
  const now = new Date();
  const allSelected = query.select === 'all';
  return (
    <main id="content" className="admin-page">
      <AdminNav current="queue" />
      <h1>Moderation queue</h1>
      <nav className="admin-tabs" aria-label="Comments by status">
        {TABS.map((tab) => (
          <SiteLink
            key={tab.status}
            href={queueHref({ status: tab.status })}
            aria-current={tab.status === query.status ? 'page' : undefined}
          >
            {tab.label} ({counts[tab.status].toLocaleString('en-US')})
          </SiteLink>
        ))}
      </nav>
      {/* One form per tab: an answer's button (go on through the tab) must not follow the admin to another. */}
      <QueueForm
        key={query.status}
        status={query.status}
        cursor={query.cursor}
        upTo={upTo}
        actions={actions}
        notice={
          query.done !== undefined && query.count !== undefined
            ? moderationDoneMessage(query.done, {
                changed: query.count,
                missing: query.missing,
                deletedByAuthor: query.byAuthor,
                changedMeanwhile: query.meanwhile,
                stillInTab: query.left,
                backInQueue: query.queued,
              })
            : null
        }
        goOn={goOn}
        selectAllHref={queueHref({
          status: query.status,
          cursor: query.cursor,
          upTo: carriedUpTo,
          select: allSelected ? undefined : 'all',
        })}
        allSelected={allSelected}
        wholeTab={upTo !== undefined && queue.upToCount > queue.items.length ? { count: queue.upToCount } : null}
        empty={queue.items.length === 0}
      >
        {queue.items.length === 0 ? (
          <p className="status-message">
            {emptyQueuePageMessage(query.status, counts[query.status], query.cursor !== undefined)}
            {query.cursor !== undefined && counts[query.status] > 0 && (
              <>
                {' '}
                <SiteLink href={queueHref({ status: query.status })}>Go to the newest</SiteLink>
              </>
            )}
          </p>
        ) : (
          <ol className="queue-list" aria-label={`${plural(queue.items.length, 'comment')} on this page`}>
            {queue.items.map((row) => (
              <QueueRow
                key={row.id}
                row={row}
                actions={actions}
                checked={allSelected}
                timeZone={site.timeZone}
                now={now}
              />
            ))}
          </ol>
        )}
      </QueueForm>
      {(query.cursor !== undefined || queue.nextCursor !== null) && (
        <nav className="pager" aria-label="More comments">
          {query.cursor !== undefined ? (
            <SiteLink href={queueHref({ status: query.status })}>« Newest</SiteLink>
          ) : (
            <span />
          )}
          {queue.nextCursor !== null ? (
            <SiteLink href={queueHref({ status: query.status, cursor: queue.nextCursor, upTo })} rel="next">
              Older comments »
            </SiteLink>
          ) : (
            <span />
          )}
        </nav>
      )}
    </main>
  );
}
