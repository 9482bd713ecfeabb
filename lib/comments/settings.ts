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

/** Stored settings over the defaults; a stored value that no longer parses falls back to the default. */
export async function getCommentSettings(): Promise<CommentSettings> {
  const row = await getDb().setting.findUnique({ where: { key: SETTING_KEY } });
  return settingsFromStored(row?.value);
}

const SETTING_NAMES = Object.keys(commentSettingsSchema.shape) as (keyof CommentSettings)[];

/**
 * The settings a stored value (the Setting row's JSON, if there is a row) stands for. Each setting
 * is read on its own: one that a newer rule refuses falls back to its default alone, and the log
 * says which, rather than every rule of the blog (its blocked words, who may comment) quietly
 * going back to the defaults with it.
 */
export function settingsFromStored(value: string | undefined, warn: (line: string) => void = warnOnce): CommentSettings {
  if (value === undefined) return defaultCommentSettings;
  let stored: unknown;
  try {
    stored = JSON.parse(value);
  } catch {
    stored = undefined;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    warn('comment settings: the stored settings cannot be read, so every setting has its default until an admin saves them');
    return defaultCommentSettings;
  }
  const settings: CommentSettings = { ...defaultCommentSettings };
  for (const name of SETTING_NAMES) {
    const raw: unknown = (stored as Record<string, unknown>)[name];
    if (raw === undefined) continue;
    const parsed = commentSettingsSchema.shape[name].safeParse(name === 'moderationWords' || name === 'blockWords' ? splitLines(raw) : raw);
    if (parsed.success) Object.assign(settings, { [name]: parsed.data });
    else {
      warn(
        `comment settings: the stored ${name} ${JSON.stringify(raw).slice(0, 200)} is not valid (${parsed.error.issues[0]?.message}); ` +
          `using the default ${JSON.stringify(defaultCommentSettings[name])} until an admin saves the settings`,
      );
    }
  }
  return settings;
}

/** Word lists stored before words were refused for line breaks: each line is a word, as the form reads them. */
function splitLines(words: unknown): unknown {
  return Array.isArray(words) ? words.flatMap((word) => (typeof word === 'string' ? word.split(/\r?\n/) : [word])).filter((word) => typeof word !== 'string' || word.trim() !== '') : words;
}

// Settings are read for every comment and page: each problem is logged once per process.
const warned = new Set<string>();
function warnOnce(line: string): void {
  if (warned.has(line) || warned.size >= 50) return;
  warned.add(line);
  console.warn(line);
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
