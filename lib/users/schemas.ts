import { z } from 'zod';

// Control characters other than tab/newline never belong in what a person types.
const noControl = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'Email must be at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const displayNameSchema = z
  .string({ error: 'Enter the name to show with your comments.' })
  .trim()
  .min(1, 'Enter the name to show with your comments.')
  .max(80, 'Name must be at most 80 characters.')
  .refine(noControl, 'Name must not contain control characters.');

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
