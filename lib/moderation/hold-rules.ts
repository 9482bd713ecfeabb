import type { CommentSettings } from '@/lib/comments/settings';

/**
 * Whether a new comment is published, held for an admin, or marked spam, and why — in the words
 * the moderation queue shows ("first comment", "3 links", "word: casino", "guest").
 * Pure: every rule and their combination is unit-tested beside this file.
 */
export type CommentAuthorKind = 'admin' | 'user' | 'guest';

export interface HoldInput {
  body: string;
  author: { kind: CommentAuthorKind; approvedCount: number };
  settings: Pick<CommentSettings, 'holdFor' | 'holdLinkCount' | 'moderationWords' | 'blockWords' | 'holdGuestComments'>;
}

export interface HoldDecision {
  status: 'published' | 'pending' | 'spam';
  reason: string | null;
}

// A whole Markdown link `[text](target)` first, so a link whose text is itself a URL counts once.
const linkPattern = /\[[^\]\n]*\]\([^)\s]+\)|\bhttps?:\/\/[^\s<>()\]]+|\bwww\.[^\s<>()\]]+|\]\([^)\s]+\)|<(?:https?|mailto):[^>\s]+>/gi;

export function countLinks(body: string): number {
  return body.match(linkPattern)?.length ?? 0;
}

/**
 * The first listed word that appears in `body` as a whole word, case-insensitively. Both sides are
 * compared in NFC, and combining marks count as part of a word ("cafe" is not in "cafe\u0301").
 */
export function findListedWord(body: string, words: string[]): string | undefined {
  const text = body.normalize('NFC').toLowerCase();
  return words.find((word) => {
    const needle = word.normalize('NFC').toLowerCase();
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}])${escaped}($|[^\\p{L}\\p{M}\\p{N}])`, 'u').test(text);
  });
}

export function decideHold({ body, author, settings }: HoldInput): HoldDecision {
  if (author.kind === 'admin') return { status: 'published', reason: null };
  const blocked = findListedWord(body, settings.blockWords);
  if (blocked) return { status: 'spam', reason: `blocked word: ${blocked}` };

  const reasons: string[] = [];
  if (author.kind === 'guest' && settings.holdGuestComments) reasons.push('guest');
  if (settings.holdFor === 'everyone') reasons.push('everyone is held');
  else if (settings.holdFor === 'first-time' && author.approvedCount === 0 && author.kind === 'user') reasons.push('first comment');
  const links = countLinks(body);
  if (settings.holdLinkCount > 0 && links >= settings.holdLinkCount) reasons.push(`${links} link${links === 1 ? '' : 's'}`);
  const word = findListedWord(body, settings.moderationWords);
  if (word) reasons.push(`word: ${word}`);
  return reasons.length > 0 ? { status: 'pending', reason: reasons.join(', ') } : { status: 'published', reason: null };
}

/** A post closes itself `autoCloseDays` after its date; 0 means never. */
export function isAutoClosed(postDate: Date, autoCloseDays: number, now: Date): boolean {
  return autoCloseDays > 0 && now.getTime() - postDate.getTime() > autoCloseDays * 86_400_000;
}
