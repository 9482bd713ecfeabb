import { z } from 'zod';
import { instantInZone, isCalendarDay } from './dates';
import { normaliseAddress } from './urls';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// An offset belongs to a time: "2016-09-04Z" names no instant the owner meant.
const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?)?$/;

/** An offset clocks use: up to 14 hours, whole minutes under 60. */
function isOffset(zone: string): boolean {
  if (zone === 'Z') return true;
  const [, hours, minutes] = /^[+-](\d{2}):?(\d{2})$/.exec(zone) ?? [];
  const [h, m] = [Number(hours), Number(minutes)];
  return m < 60 && (h < 14 || (h === 14 && m === 0));
}

/**
 * A post's `date`, read as the owner wrote it (front matter keeps dates as text, see posts.ts):
 * `2016-09-04` is midnight and `2016-09-04 22:15` a time, both in the site's time zone; a
 * timestamp with `Z` or an offset is that instant. Days that do not exist (2016-02-30) are refused
 * rather than rolled over into the next month.
 */
function postDate(timeZone: string) {
  return z
    .string({
      error: (issue) =>
        issue.input == null ? 'is required (for example 2016-09-04)' : 'must be a date such as 2016-09-04',
    })
    .transform((value, ctx) => {
      const match = datePattern.exec(value.trim());
      const [, y, m, d, hh = '0', mm = '0', ss = '0', zone] = match ?? [];
      const year = Number(y);
      const month = Number(m);
      const day = Number(d);
      const valid =
        match &&
        isCalendarDay(year, month, day) &&
        Number(hh) < 24 &&
        Number(mm) < 60 &&
        Number(ss) < 60 &&
        (zone === undefined || isOffset(zone));
      if (!valid) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" is not a date (use YYYY-MM-DD, or YYYY-MM-DD HH:MM with an optional Z or offset such as +02:00)`,
        });
        return z.NEVER;
      }
      if (zone)
        return new Date(
          `${y}-${m}-${d}T${hh}:${mm}:${ss.padStart(2, '0')}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
        );
      // The time the owner wrote is what the clock read, which on a day the clocks change is not midnight plus that many hours.
      return instantInZone(year, month, day, Number(hh), Number(mm), Number(ss), timeZone);
    });
}

/**
 * An optional text field's words when it is not text. A field left empty (`author:`) reads as null:
 * zod would say "expected string, received null", which tells the owner nothing.
 */
function optionalText(issue: { input?: unknown }): string {
  return issue.input === null ? 'is empty; give it a value or leave the field out' : 'must be text';
}

const aliasRule = 'must be site paths starting with "/" (no query or fragment)';

/** Every message says what the owner should write, in place of zod's own ("expected boolean, received string"). */
export function frontMatterSchema(timeZone: string) {
  return z.strictObject({
    title: z
      .string({ error: (issue) => (issue.input == null ? 'is required' : 'must be text') })
      .trim()
      .min(1, 'must not be empty'),
    date: postDate(timeZone),
    slug: z
      .string({ error: optionalText })
      .regex(slugPattern, 'must be lower-case letters, digits and single hyphens')
      .optional(),
    id: z
      .string({ error: optionalText })
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1–100 letters, digits, ".", "_" or "-"')
      .optional(),
    author: z.string({ error: optionalText }).trim().min(1, 'must not be empty').optional(),
    labels: z
      .array(
        z
          .string({ error: 'must be text' })
          .trim()
          .min(1, 'must not contain empty labels')
          // A label is a page's address (/label/…), and "." and ".." are not addresses of their own.
          .refine(
            (label) => label !== '.' && label !== '..',
            'must not be "." or "..", which cannot be a label’s address',
          )
          // The feeds carry labels in XML attributes, where "<" cannot be written (the feed library
          // escapes only "&" and the quote).
          .refine((label) => !label.includes('<'), 'must not contain "<"'),
        { error: 'must be a list, for example [China, Russia]' },
      )
      // One label twice ("China, china") is one label: its page and its count in the sidebar.
      .transform((labels) =>
        labels.filter((label, i) => labels.findIndex((other) => other.toLowerCase() === label.toLowerCase()) === i),
      )
      .default([]),
    summary: z.string({ error: optionalText }).trim().optional(),
    draft: z
      .boolean({
        // YAML reads `draft: "true"` as text, so the quotes are what is wrong.
        error: (issue) =>
          typeof issue.input === 'string' && /^(true|false)$/.test(issue.input.trim())
            ? 'must be true or false, without quotes'
            : 'must be true or false',
      })
      .default(false),
    comments: z.enum(['open', 'closed'], { error: 'must be open or closed' }).default('open'),
    aliases: z
      .array(
        z
          .string({ error: aliasRule })
          .regex(/^\/[^\s?#]*$/, aliasRule)
          .transform(normaliseAddress),
        { error: 'must be a list of site paths, for example [/2016/09/old-address.html]' },
      )
      .default([]),
  });
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
