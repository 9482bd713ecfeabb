import { z } from 'zod';
import { MODERATION_ACTIONS } from './moderate';
import { commentIdSchema } from '@/lib/comments/schemas';

export const moderationActionSchema = z.enum(MODERATION_ACTIONS, {
  error: `The action must be one of ${MODERATION_ACTIONS.join(', ')}.`,
});

export const bulkModerationSchema = z.strictObject({
  ids: z.array(commentIdSchema, { error: 'ids must be a list of comment ids.' }).min(1, 'Choose at least one comment.').max(500, 'Choose at most 500 comments at a time.'),
  reason: z.string().trim().max(500, 'Keep the reason to 500 characters.').optional(),
});

export const banSchema = z.strictObject({
  reason: z.string({ error: 'Give a reason for the ban.' }).trim().min(1, 'Give a reason for the ban.').max(500, 'Keep the reason to 500 characters.'),
  endsAt: z.coerce
    .date({ error: 'endsAt must be a date, like 2026-12-31.' })
    .refine((date) => date.getTime() > Date.now(), 'The end date must be in the future.')
    .optional(),
  hideComments: z.boolean().default(false),
});
