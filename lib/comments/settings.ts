import { z } from 'zod';
import { getDb } from '@/lib/db';

/**
 * A list of words the hold rules look for: each trimmed, without line breaks, and each word once
 * whatever its case (the first spelling kept). Every door that stores a list (the settings form,
 * one word per line; the admin API) and every read of a stored one gives the same list, so the
 * form can tell what another admin changed from what it was drawn with.
 */
const wordsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\r\n]*$/, 'A word cannot contain a line break.'),
  )
  .max(500)
  .transform((words) => {
    const seen = new Set<string>();
    return words.filter((word) => !seen.has(word.toLowerCase()) && Boolean(seen.add(word.toLowerCase())));
  });

/** The blog's comment rules, stored in the database (Setting "comments") with these defaults. */
export const commentSettingsSchema = z.object({
  /** "users": signed-in readers only; "anyone": guests too, with a name. */
  whoMayComment: z.enum(['users', 'anyone']).default('users'),
  /** Guests' comments wait for an admin unless this is switched off. */
  holdGuestComments: z.boolean().default(true),
  /** Who waits for approval: nobody, people without an approved comment yet, or everyone. Admins never. */
  holdFor: z.enum(['nobody', 'first-time', 'everyone']).default('first-time'),
  /** Hold a comment with at least this many links (0 turns the rule off). */
  holdLinkCount: z.number().int().min(0).max(100).default(2),
  /** Hold a comment containing any of these words. */
  moderationWords: wordsSchema.default([]),
  /** Mark a comment as spam when it contains any of these words. */
  blockWords: wordsSchema.default([]),
  /** Close comments on posts older than this many days (0 = never). */
  autoCloseDays: z.number().int().min(0).max(36_500).default(0),
  editWindowMinutes: z.number().int().min(0).max(10_080).default(15),
  maxReplyDepth: z.number().int().min(1).max(10).default(3),
  commentsPerPage: z.number().int().min(5).max(500).default(50),
});

export type CommentSettings = z.infer<typeof commentSettingsSchema>;

export const SETTING_KEY = 'comments';

export const defaultCommentSettings: CommentSettings = commentSettingsSchema.parse({});

// Made once: building a schema costs more than parsing with it, and every comment reads the settings.
const storedSettingsSchema = commentSettingsSchema.partial();

/** Stored settings over the defaults; a stored value that no longer parses falls back to the default. */
export async function getCommentSettings(): Promise<CommentSettings> {
  const row = await getDb().setting.findUnique({ where: { key: SETTING_KEY } });
  return settingsFromStored(row?.value);
}

/** The settings a stored value (the Setting row's JSON, if there is a row) stands for. */
export function settingsFromStored(value: string | undefined): CommentSettings {
  if (value === undefined) return defaultCommentSettings;
  let stored: unknown;
  try {
    stored = JSON.parse(value);
  } catch {
    return defaultCommentSettings;
  }
  const parsed = storedSettingsSchema.safeParse(stored);
  return parsed.success ? { ...defaultCommentSettings, ...stripUndefined(parsed.data) } : defaultCommentSettings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function setCommentSettings(changes: Partial<CommentSettings>): Promise<CommentSettings> {
  const next = commentSettingsSchema.parse({ ...(await getCommentSettings()), ...changes });
  await getDb().setting.upsert({
    where: { key: SETTING_KEY },
    update: { value: JSON.stringify(next) },
    create: { key: SETTING_KEY, value: JSON.stringify(next) },
  });
  return next;
}
