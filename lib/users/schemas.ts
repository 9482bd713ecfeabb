import { z } from 'zod';

export const emailSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? 'Enter your email address.'
        : 'Enter a valid email address, like name@example.com.',
  })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'Email must be at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

const NAME_MISSING = 'Enter the name to show with your comments.';

/**
 * A name is one line of text readers can see: a comment's byline, the masthead. Marks that turn
 * text around (U+202A–U+202E, U+2066–U+2069) would show "Eve" for what is stored as "evE" and
 * carry on into the words beside it; a name of only spaces or invisible characters shows nothing.
 */
export const displayNameSchema = z
  .string({ error: NAME_MISSING })
  .trim()
  .min(1, NAME_MISSING)
  .max(80, 'Name must be at most 80 characters.')
  .refine((value) => !/\p{Cc}/u.test(value), 'Name must not contain control characters or line breaks.')
  .refine(
    (value) => !/[\u202a-\u202e\u2066-\u2069]/.test(value),
    'Name must not contain marks that change the direction of text.',
  )
  .refine((value) => /[^\p{Z}\p{C}]/u.test(value), NAME_MISSING);

/** bcrypt reads a password's first 72 bytes only: anything after them would be ignored, unsaid. */
export const PASSWORD_MAX_BYTES = 72;

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(8, 'Password must be at least 8 characters.')
  .refine(
    (value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES,
    'Password must be at most 72 characters, or fewer with accented letters, emoji or other scripts (72 bytes).',
  );

export const registerSchema = z.strictObject({
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
});

export type Registration = z.infer<typeof registerSchema>;

/** A reader's new display name, from their account page. */
export const renameSchema = z.strictObject({ name: displayNameSchema });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});
