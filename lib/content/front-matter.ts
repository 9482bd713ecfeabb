import { z } from 'zod';
import { startOfDayInZone } from './dates';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A post's `date`: YAML gives a Date for both `2016-09-04` and full timestamps. A bare day arrives as
 * UTC midnight, which we take as a calendar day and pin to midnight in the site's time zone.
 */
function postDate(timeZone: string) {
  return z
    .union([z.date(), z.string()], {
      error: (issue) =>
        issue.input == null ? 'is required (for example 2016-09-04)' : 'must be a date such as 2016-09-04',
    })
    .transform((value, ctx) => {
      const instant = typeof value === 'string' ? new Date(value) : value;
      if (Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a date (use YYYY-MM-DD)` });
        return z.NEVER;
      }
      const bareDay =
        (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) ||
        (value instanceof Date && instant.getUTCHours() === 0 && instant.getUTCMinutes() === 0 &&
          instant.getUTCSeconds() === 0 && instant.getUTCMilliseconds() === 0);
      return bareDay
        ? startOfDayInZone(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), timeZone)
        : instant;
    });
}

export function frontMatterSchema(timeZone: string) {
  return z.strictObject({
    title: z
      .string({ error: (issue) => (issue.input == null ? 'is required' : 'must be text') })
      .trim()
      .min(1, 'must not be empty'),
    date: postDate(timeZone),
    slug: z.string().regex(slugPattern, 'must be lower-case letters, digits and single hyphens').optional(),
    id: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1–100 letters, digits, ".", "_" or "-"').optional(),
    author: z.string().trim().min(1).optional(),
    labels: z.array(z.string().trim().min(1, 'must not contain empty labels')).default([]),
    summary: z.string().trim().optional(),
    draft: z.boolean().default(false),
    comments: z.enum(['open', 'closed']).default('open'),
    aliases: z
      .array(z.string().regex(/^\/[^\s?#]*$/, 'must be site paths starting with "/" (no query or fragment)'))
      .default([]),
  });
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
