import { z } from 'zod';
import { displayNameSchema, emailSchema } from '@/lib/users/schemas';

import { COMMENT_MAX_LENGTH } from './limits';
import { markdownTooHeavy } from './markdown-limits';
import { showsNothing } from './render';

export { COMMENT_MAX_LENGTH };

// Tab and newline are how people write; every other control character is refused by name.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A comment's text: trimmed, with `empty` as the message when there is none. */
const commentBody = (empty: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? empty : 'Comment must be text.') })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        // Nothing, or only invisible characters (zero-width spaces, joiners), would publish an empty card.
        .refine((value) => !showsNothing(value), empty)
        .max(COMMENT_MAX_LENGTH, `Comment must be at most ${COMMENT_MAX_LENGTH.toLocaleString('en-US')} characters.`)
        .refine((value) => !controlCharacters.test(value), 'Comment must not contain control characters.')
        .superRefine((value, context) => {
          const heavy = markdownTooHeavy(value);
          if (heavy) context.addIssue({ code: 'custom', message: heavy });
        }),
    );

export const commentBodySchema = commentBody('Write a comment before publishing.');

/** The same text rules as publishing, asked before a preview, which has nothing to show when empty. */
export const commentPreviewSchema = commentBody('Write a comment to see its preview.');

// Left empty, or sent as null (as JSON says "none"), an optional field is not given.
const optionalText = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    schema.optional(),
  );

export const guestWebsiteSchema = z
  .string({ error: 'Website must be a web address, like example.com or https://example.com/about.' })
  .trim()
  .max(200, 'Website must be at most 200 characters.')
  // Written as people say it, a host name and maybe a path ("example.com/about"), an address is
  // taken as https. Anything else is left as typed, and refused below unless it is http(s).
  .transform((website) =>
    /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i.test(website) ? `https://${website}` : website,
  )
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'Website must be a web address, like example.com or https://example.com/about.',
    }),
  );

/**
 * A number as a URL, a form or JSON carries it: a JSON number, or a string of digits, read by
 * `schema`. Not everything `Number()` also reads as one ("0x10", "1e3", " 5 ", true, [7]): an id
 * must say plainly which comment it names, and a malformed one is refused naming its field, not
 * taken for another comment's.
 */
export function fromDigits<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value), schema);
}

/** A new comment or reply, as the form and the API both send it. */
export const newCommentSchema = z.strictObject({
  body: commentBodySchema,
  // null, as JSON says "none", is a new comment, as for the optional text fields.
  parentId: z.preprocess(
    (value) => (value === null ? undefined : value),
    fromDigits(
      z
        .number({ error: 'parentId must be a comment id.' })
        .int('parentId must be a comment id.')
        .positive('parentId must be a comment id.')
        .max(2_147_483_647, 'parentId must be a comment id.'),
    ).optional(),
  ),
  name: optionalText(displayNameSchema),
  email: optionalText(emailSchema),
  website: optionalText(guestWebsiteSchema),
});

export type NewCommentInput = z.infer<typeof newCommentSchema>;

// Saving an emptied comment is not how a comment is taken away: the message says what is.
export const editCommentSchema = z.strictObject({
  body: commentBody('Write something before saving; to take the comment away, use Delete.'),
});

/**
 * A comment id (or a cursor made of one) as it arrives in a URL, form or JSON: a whole number the
 * databases' 32-bit id column can hold, so a huge one is "no such comment", not a driver error.
 */
const NOT_A_COMMENT_ID = 'Not a comment id: a comment id is a whole number from 1 up.';
export const commentIdSchema = fromDigits(
  z
    .number({ error: NOT_A_COMMENT_ID })
    .int(NOT_A_COMMENT_ID)
    .positive(NOT_A_COMMENT_ID)
    .max(2_147_483_647, 'There is no comment with that id.'),
);

/** Field → first message, for forms and for API error bodies. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'request';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors[key] ??= `Unknown field "${key}".`;
    } else if (field === 'request' && issue.code === 'invalid_type') {
      // The body was JSON, but not an object of fields (null, a string, a list…). Said without an
      // example field: the admin API's bodies share these words and have no "body".
      errors.request ??= 'Send a JSON object of named fields, not a list or a single value.';
    } else {
      errors[field] ??= issue.message;
    }
  }
  return errors;
}
