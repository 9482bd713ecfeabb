import { z } from 'zod';
import { banEndAfter } from './bans';
import { MODERATION_ACTIONS } from './moderate';
import { COMMENT_STATUSES } from '@/lib/comments/rules';
import { commentIdSchema } from '@/lib/comments/schemas';
import { isCalendarDay } from '@/lib/content/dates';

export const moderationActionSchema = z.enum(MODERATION_ACTIONS, {
  error: `The action must be one of ${MODERATION_ACTIONS.join(', ')}.`,
});

/**
 * The status a moderator saw a comment in, sent along with the step: only comments still in it
 * move, so a stale page cannot undo what another moderator decided meanwhile.
 */
export const fromStatusSchema = z.enum(COMMENT_STATUSES, {
  error: `from must be one of ${COMMENT_STATUSES.join(', ')}: the status the comments had when you saw them.`,
});

/**
 * A tab as the admin's page showed it, where "every comment in this tab" stops: its newest comment
 * (`upTo`) and when the page was drawn (`seenAt`, milliseconds). A step moves only comments that
 * were in the tab, as they are, by then (lib/moderation/queue). Written `340@1764780000000`.
 */
export interface TabCutOff {
  upTo: number;
  seenAt: number;
}

export function cutOffText(cutOff: TabCutOff): string {
  return `${cutOff.upTo}@${cutOff.seenAt}`;
}

export const tabCutOffSchema = z
  .string()
  .regex(/^\d{1,10}@\d{1,15}$/, 'The queue changed since this page was drawn: reload it and try again.')
  .transform((value) => {
    const [upTo, seenAt] = value.split('@').map(Number);
    return { upTo, seenAt };
  })
  // The newest comment is one the id column can hold (as commentIdSchema asks); the time is past 1970.
  .pipe(z.object({ upTo: z.number().int().positive().max(2_147_483_647), seenAt: z.number().int().positive() }));

/**
 * Where in the moderation queue a moderator is: a tab, the page of it that starts below a comment
 * id, and on a later page `upTo`, the tab as its first page showed it (where "every comment in
 * this tab" stops). The queue's address and its form both carry it; anything malformed falls back
 * to the tab's first page rather than failing.
 */
export const queuePlaceSchema = z.object({
  status: z.enum(COMMENT_STATUSES).catch('pending'),
  cursor: commentIdSchema.optional().catch(undefined),
  upTo: tabCutOffSchema.optional().catch(undefined),
});

/**
 * The queue form's pressed button, as its value says: `approve` acts on the ticked rows (or the
 * whole tab, with its box ticked), `approve:12` on row 12 alone, and `approve:tab:340@…` goes on
 * through the whole tab up to the cut-off of the step before, which left some
 * (`approve:tab:340@1764780000000:pending`, naming the tab it was drawn in). One
 * form holds every row so the queue works as a plain HTML form, and a button can only send its
 * own value, so the value carries all the step needs.
 */
export const queueButtonSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const [action, target, upTo, tab] = value.split(':');
    return target === 'tab' ? { action, upTo: upTo ?? '', tab: tab ?? '' } : { action, id: target };
  },
  z.object(
    {
      action: moderationActionSchema,
      id: commentIdSchema.optional(),
      upTo: tabCutOffSchema.optional(),
      /** The tab a going-on button was drawn in: pressed in another, it must move nothing. */
      tab: z.enum(COMMENT_STATUSES).optional(),
    },
    { error: 'Choose what to do with the comments.' },
  ),
);

export const bulkModerationSchema = z.strictObject({
  ids: z.array(commentIdSchema, { error: 'ids must be a list of comment ids.' }).min(1, 'Choose at least one comment.').max(500, 'Choose at most 500 comments at a time.'),
  reason: z.string().trim().max(500, 'Keep the reason to 500 characters.').optional(),
  from: fromStatusSchema.optional(),
});

const TYPED_COMMENT_ID = 'Comment id: enter a number, like 42.';

/**
 * A comment id as an admin types it in the log's filter: 42, or as the blog writes it, #42 or c42
 * (a comment's anchor). Anything else is refused with a message for the box: dropped, it showed
 * the whole log as if filtered.
 */
export const typedCommentIdSchema = z
  .string({ error: TYPED_COMMENT_ID })
  .trim()
  .transform((text) => text.replace(/^#?c/i, '').replace(/^#/, ''))
  .pipe(z.string().regex(/^\d{1,10}$/, TYPED_COMMENT_ID))
  .transform(Number)
  .pipe(z.number().min(1, TYPED_COMMENT_ID).max(2_147_483_647, 'There is no comment with that id.'));

const LAST_DAY_FORMAT = 'The last day must be a date, like 2026-12-31.';

/**
 * A ban as the console's form and the admin API send it. `endsAt` is the ban's last day
 * (YYYY-MM-DD), read in the blog's `timeZone`, and becomes the moment that day ends there.
 */
export function banSchema(timeZone: string) {
  return z.strictObject({
    reason: z.string({ error: 'Give a reason for the ban.' }).trim().min(1, 'Give a reason for the ban.').max(500, 'Keep the reason to 500 characters.'),
    endsAt: z
      .string({ error: LAST_DAY_FORMAT })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, LAST_DAY_FORMAT)
      .transform((text, context) => {
        const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
        if (year < 1000 || !isCalendarDay(year, month, day)) {
          context.addIssue({ code: 'custom', message: `The last day must be a day on the calendar; there is no ${text}.` });
          return z.NEVER;
        }
        return banEndAfter({ year, month, day }, timeZone);
      })
      .refine((endsAt) => endsAt.getTime() > Date.now(), 'The last day must be today or later.')
      .optional(),
    hideComments: z.boolean().default(false),
  });
}
