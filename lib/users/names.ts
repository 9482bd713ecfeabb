import { getCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { getDb } from '@/lib/db';
import { findListedWord } from '@/lib/moderation/hold-rules';
import { displayNameSchema } from './schemas';

/** Two names a reader would take for one: the same letters, whatever their case or accents' encoding. */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFKC').localeCompare(b.normalize('NFKC'), undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * Why a reader may not take `name` (a display name the schema already accepted), or null. A name
 * shows on every comment its holder wrote, published ones included, so it answers to the words the
 * blog blocks in comments; and nobody but an admin may take an admin's name, which readers trust
 * when it answers them. `selfId` is the reader renaming (null while registering).
 */
export async function nameRefusal(
  name: string,
  selfId: string | null,
  /** The comment settings when the caller has read them already (a comment being written). */
  known?: Pick<CommentSettings, 'blockWords'>,
): Promise<string | null> {
  const [settings, admins] = await Promise.all([
    known ?? getCommentSettings(),
    getDb().user.findMany({ where: { role: 'admin' }, select: { id: true, name: true } }),
  ]);
  const blocked = findListedWord(name, settings.blockWords);
  if (blocked) return `Names may not contain “${blocked}” on this blog. Choose another.`;
  if (admins.some((admin) => admin.id !== selfId && sameName(admin.name, name)))
    return 'That is the name of one of this blog’s admins. Choose another.';
  return null;
}

/**
 * The name an account a provider's sign-in makes starts with: the provider's (its first 80
 * characters), when this blog would take it from a reader; else the address's part before the @;
 * else "Reader". The reader can change it at /account.
 */
export async function nameForNewAccount(offered: string, email: string): Promise<string> {
  for (const candidate of [Array.from(offered.trim()).slice(0, 80).join(''), email.split('@')[0] ?? '']) {
    const parsed = displayNameSchema.safeParse(candidate);
    if (parsed.success && !(await nameRefusal(parsed.data, null))) return parsed.data;
  }
  return 'Reader';
}
