/**
 * Words the admin console shows, shared by its pages and its server actions. Pure: no database,
 * safe to import from client components.
 */
import type { ModerationAction } from '@/lib/moderation/moderate';
import type { GoOn } from './form-state';

const doneVerb: Record<ModerationAction, string> = {
  approve: 'Approved',
  spam: 'Marked as spam:',
  delete: 'Deleted',
  restore: 'Restored',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * "Approved 3 comments.", with where restored ones went when not to the thread (back to Pending,
 * where they were when removed), the ones left and why: changed by someone else since the page was
 * drawn, no such comment (gone, or a stale page), or deleted by its own author; or why nothing
 * moved at all.
 */
export function moderationDoneMessage(
  action: ModerationAction,
  outcome: {
    changed: number;
    missing: number;
    deletedByAuthor: number;
    changedMeanwhile: number;
    stillInTab: number;
    backInQueue?: number;
  },
): string {
  const queued = outcome.backInQueue ?? 0;
  const [they, were] = queued === 1 ? ['it', 'was'] : ['they', 'were'];
  const them = queued === 1 ? 'it' : 'them';
  const whichOnes =
    queued === outcome.changed
      ? `${they[0]!.toUpperCase()}${they.slice(1)}`
      : `${queued.toLocaleString('en-US')} of them`;
  const left = [
    queued > 0 &&
      `${whichOnes} ${were} awaiting moderation when removed, so ${they} ${queued === 1 ? 'is' : 'are'} back in Pending: approve ${them} to publish ${them}.`,
    outcome.changedMeanwhile > 0 &&
      `Left ${plural(outcome.changedMeanwhile, 'comment')} as ${outcome.changedMeanwhile === 1 ? 'it is' : 'they are'}: someone changed ${outcome.changedMeanwhile === 1 ? 'it' : 'them'} since this page was drawn.`,
    outcome.deletedByAuthor > 0 &&
      `Left ${plural(outcome.deletedByAuthor, 'comment')} deleted: ${outcome.deletedByAuthor === 1 ? 'its author' : 'their authors'} deleted ${outcome.deletedByAuthor === 1 ? 'it' : 'them'}, and a moderator can restore or mark as spam only what a moderator removed.`,
    outcome.missing > 0 && `${plural(outcome.missing, 'comment')} could not be found.`,
    // A whole tab moves a step at a time; the admin hears how much is left for the next press.
    outcome.stillInTab > 0 &&
      `${plural(outcome.stillInTab, 'more comment', 'more comments')} ${outcome.stillInTab === 1 ? 'is' : 'are'} still in this tab.`,
  ].filter((part) => typeof part === 'string');
  if (outcome.changed > 0) return [`${doneVerb[action]} ${plural(outcome.changed, 'comment')}.`, ...left].join(' ');
  if (left.length > 0) return ['No comments changed.', ...left].join(' ');
  return 'No comments changed: they were already there.';
}

/**
 * What an empty page of a tab says. A later page emptied by the admin's own clearing (or reached
 * from an old address) is not an empty tab: it says how many are still in it, before them, so
 * clearing from the back does not stop early.
 */
export function emptyQueuePageMessage(status: string, inTab: number, laterPage: boolean): string {
  const waiting = status === 'pending' ? 'waiting for moderation' : 'in this tab';
  if (laterPage && inTab > 0)
    return `No comments on this page now; ${plural(inTab, 'comment')} ${inTab === 1 ? 'is' : 'are'} still ${waiting}, on the pages before it.`;
  return status === 'pending' ? 'Nothing is waiting for moderation.' : 'No comments here.';
}

/**
 * The button that goes on through a whole tab after a step that left `left` comments: it carries
 * the action and the step's cut-off `upTo` (as written by cutOffText), so it moves no comment the admin was not shown, and
 * needs no box ticked again ("Approve the next 500", "Spam the remaining 12").
 */
export function goOnThroughTab(action: ModerationAction, upTo: string, left: number, step: number, tab: string): GoOn {
  const label =
    left > step
      ? `${ACTION_LABELS[action]} the next ${step.toLocaleString('en-US')}`
      : `${ACTION_LABELS[action]} the remaining ${left.toLocaleString('en-US')}`;
  return { value: `${action}:tab:${upTo}:${tab}`, label };
}

export const ACTION_LABELS: Record<ModerationAction, string> = {
  approve: 'Approve',
  spam: 'Spam',
  delete: 'Delete',
  restore: 'Restore',
};

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "just now": how old an account is, at a glance. */
export function timeAgo(then: Date, now: Date = new Date()): string {
  const elapsed = now.getTime() - then.getTime();
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  for (const [unit, size] of units) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return 'just now';
}

/** A settings change in the log: only the rules that moved, "holdFor: first-time → nobody". */
export function settingsChanges(before: string | null, after: string | null): string[] {
  const parse = (text: string | null): Record<string, unknown> => {
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const from = parse(before);
  const to = parse(after);
  const show = (value: unknown) =>
    Array.isArray(value) ? (value.length > 0 ? value.join(', ') : '(none)') : String(value);
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]))
    .map((key) => `${key}: ${show(from[key])} → ${show(to[key])}`);
}
