'use client';

import { SiteLink } from '@/components/site-link';
import { useActionState, useRef, type ChangeEvent, type ReactNode } from 'react';
import { useFocusBackAfterSend } from '@/components/use-focus-on-error';
import { adminModerateQueueAction } from '@/app/actions/admin-moderate-queue-action';
import { idleAdminForm, type GoOn } from '@/app/(admin)/_lib/form-state';
import { ACTION_LABELS } from '@/app/(admin)/_lib/wording';
import { useEnhanced } from '@/components/comments/use-enhanced';
import type { ModerationAction } from '@/lib/moderation/moderate';

/**
 * The queue as one form: a checkbox per row, bulk buttons here, row buttons inside the rows
 * (`children`, rendered on the server). A plain POST without JavaScript; with it the rows refresh
 * in place and the result shows here.
 */
export function QueueForm({
  status,
  cursor,
  upTo,
  actions,
  notice,
  goOn,
  selectAllHref,
  allSelected,
  wholeTab,
  empty,
  children,
}: {
  status: string;
  /** The page of the tab being moderated, so a plain POST comes back to it rather than to the first. */
  cursor: number | undefined;
  /** The newest comment the tab's first page showed: where acting on the whole tab stops, and what a later page's address carries. */
  /** The tab as the page shows it (lib/moderation/schemas `cutOffText`), where a whole-tab step stops. */
  upTo: string | undefined;
  actions: readonly ModerationAction[];
  /** The result of the last submission when it came back through a redirect (no JavaScript). */
  notice: string | null;
  /** With that result, when a whole-tab step left some: the button that goes on. */
  goOn: GoOn | null;
  selectAllHref: string;
  allSelected: boolean;
  /** When the tab up to `upTo` holds more than this page: how many, the comments a whole-tab step would reach. */
  wholeTab: { count: number } | null;
  empty: boolean;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(adminModerateQueueAction, idleAdminForm);
  const enhanced = useEnhanced();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusBackAfterSend(formRef, pending);
  const message = state.message ?? notice;
  const next = state.status === 'idle' ? goOn : (state.next ?? null);
  const selectAll = (event: ChangeEvent<HTMLInputElement>) => {
    const boxes = event.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? [];
    for (const box of boxes) box.checked = event.currentTarget.checked;
  };
  return (
    <form ref={formRef} action={formAction} className="queue-form" aria-label="Moderate comments">
      <input type="hidden" name="status" value={status} />
      {cursor !== undefined && <input type="hidden" name="cursor" value={cursor} />}
      {upTo !== undefined && <input type="hidden" name="upTo" value={upTo} />}
      {enhanced && <input type="hidden" name="js" value="1" />}
      <div aria-live="polite">
        {message && (
          <p className={state.status === 'error' ? 'form-error' : 'form-success'} role="status">
            {message}
          </p>
        )}
        {/* The step's own button: the box that asked for the whole tab is unticked by now. */}
        {next && (
          <button type="submit" name="action" value={next.value} disabled={pending}>
            {next.label}
          </button>
        )}
      </div>
      {!empty && (
        <div className="queue-bulk">
          {enhanced ? (
            <label className="queue-select-all">
              <input type="checkbox" onChange={selectAll} /> Select all
            </label>
          ) : (
            // Without JavaScript a checkbox cannot tick the others: the page comes back with every row ticked.
            <SiteLink href={selectAllHref} className="queue-select-all">
              {allSelected ? 'Clear selection' : 'Select all'}
            </SiteLink>
          )}
          {wholeTab && (
            <label className="queue-whole-tab">
              <input type="checkbox" name="scope" value="tab" /> Every comment in this tab ({wholeTab.count.toLocaleString('en-US')}), not
              only the ticked ones
            </label>
          )}
          <span className="queue-bulk-buttons">
            {actions.map((action) => (
              <button key={action} type="submit" name="action" value={action} disabled={pending}>
                {ACTION_LABELS[action]} selected
              </button>
            ))}
          </span>
        </div>
      )}
      {children}
    </form>
  );
}
