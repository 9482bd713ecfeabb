import { commentText } from '@/lib/comments/render';
import type { CommentSettings } from '@/lib/comments/settings';

/**
 * Whether a new comment is published, held for an admin, or marked spam, and why — in the words
 * the moderation queue shows ("first comment", "3 links", "word: casino", "guest").
 * Pure: every rule and their combination is unit-tested beside this file.
 */
export type CommentAuthorKind = 'admin' | 'user' | 'guest';

export interface HoldInput {
  body: string;
  /**
   * The comment as rendered, when it has been: links and words are looked for in what readers
   * will see as well as in what was typed, since Markdown can hide either from the typed text
   * (`[a](//x.example "t")`, a reference link, `c&#97;sino`).
   */
  html?: string;
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
  return words.find((word) => wordPattern(word).test(text));
}

/**
 * Compiled once per word and kept: a Unicode pattern takes about a millisecond to build, and the
 * engine's own cache of them is emptied by every full garbage collection, so a blog with hundreds
 * of listed words would otherwise spend up to a second building them for each comment.
 */
const wordPatterns = new Map<string, RegExp>();
const MAX_KEPT_PATTERNS = 2_000; // more than both lists can hold (500 words each)

export function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    const needle = word.normalize('NFC').toLowerCase();
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}])${escaped}($|[^\\p{L}\\p{M}\\p{N}])`, 'u');
    // Words removed from the lists leave their patterns behind; starting over now and then bounds them.
    if (wordPatterns.size >= MAX_KEPT_PATTERNS) wordPatterns.clear();
    wordPatterns.set(word, pattern);
  }
  return pattern;
}

/** What readers will see of a rendered comment: its text and how many links it holds. */
interface Shown {
  text: string;
  links: number;
}

function shownOf(html: string | undefined): Shown | undefined {
  return html === undefined ? undefined : { text: commentText(html), links: html.match(/<a\s/gi)?.length ?? 0 };
}

/** The first listed word in what was typed or in what readers will see. */
function findWordShown(body: string, shown: Shown | undefined, words: string[]): string | undefined {
  if (words.length === 0) return undefined;
  return findListedWord(body, words) ?? (shown === undefined ? undefined : findListedWord(shown.text, words));
}

/** Why the text alone would hold a comment: too many links, a word from the moderation list. */
function textReasons(body: string, shown: Shown | undefined, settings: HoldInput['settings']): string[] {
  const reasons: string[] = [];
  // In what was typed (a bare address counts too) or in what readers will see, whichever finds more.
  const links = Math.max(countLinks(body), shown?.links ?? 0);
  if (settings.holdLinkCount > 0 && links >= settings.holdLinkCount) reasons.push(`${links} link${links === 1 ? '' : 's'}`);
  const word = findWordShown(body, shown, settings.moderationWords);
  if (word) reasons.push(`word: ${word}`);
  return reasons;
}

export function decideHold({ body, html, author, settings }: HoldInput): HoldDecision {
  if (author.kind === 'admin') return { status: 'published', reason: null };
  const shown = shownOf(html);
  const blocked = findWordShown(body, shown, settings.blockWords);
  if (blocked) return { status: 'spam', reason: `blocked word: ${blocked}` };

  const reasons: string[] = [];
  if (author.kind === 'guest' && settings.holdGuestComments) reasons.push('guest');
  if (settings.holdFor === 'everyone') reasons.push('everyone is held');
  else if (settings.holdFor === 'first-time' && author.approvedCount === 0 && author.kind === 'user') reasons.push('first comment');
  reasons.push(...textReasons(body, shown, settings));
  return reasons.length > 0 ? { status: 'pending', reason: reasons.join(', ') } : { status: 'published', reason: null };
}

// Reasons about who wrote a comment rather than what it says: an edit does not change them.
const AUTHOR_REASONS = new Set(['guest', 'everyone is held', 'first comment']);

/**
 * What an edit does to a comment's standing. Only the new text is judged, so an approved comment
 * cannot be turned into a link farm afterwards: a blocked word sends it to spam; links or a
 * moderation word hold a published comment again ("edited: 3 links"); a held comment stays held,
 * for its author reasons and whatever the new text adds. Admins' edits stand as they are.
 */
export function decideHoldAfterEdit({
  body,
  html,
  author,
  settings,
  current,
}: Omit<HoldInput, 'author'> & { author: { kind: CommentAuthorKind }; current: HoldDecision }): HoldDecision {
  if (author.kind === 'admin' || current.status === 'spam') return current;
  const shown = shownOf(html);
  const blocked = findWordShown(body, shown, settings.blockWords);
  if (blocked) return { status: 'spam', reason: `blocked word: ${blocked}` };
  const reasons = textReasons(body, shown, settings);
  if (current.status === 'published') {
    return reasons.length > 0 ? { status: 'pending', reason: `edited: ${reasons.join(', ')}` } : current;
  }
  const kept = (current.reason ?? '').split(', ').filter((reason) => AUTHOR_REASONS.has(reason));
  const all = [...kept, ...reasons];
  return { status: 'pending', reason: all.length > 0 ? all.join(', ') : 'edited while held' };
}

/** A post closes itself `autoCloseDays` after its date; 0 means never. */
export function isAutoClosed(postDate: Date, autoCloseDays: number, now: Date): boolean {
  return autoCloseDays > 0 && now.getTime() - postDate.getTime() > autoCloseDays * 86_400_000;
}

/**
 * Why a post's comments stay closed whatever an admin presses (null when nothing but an admin
 * closes them): its front matter, or its age past `autoCloseDays`. Said to the admin in those words,
 * so they know what to change: the post's file, or the setting.
 */
export function closedRegardless(post: { commentsClosed: boolean; date: Date }, autoCloseDays: number, now: Date): string | null {
  if (post.commentsClosed) return 'Comments are closed by the post’s front matter (comments: closed).';
  if (isAutoClosed(post.date, autoCloseDays, now)) {
    return `Comments are closed because the post is older than ${autoCloseDays} days (the setting “Close comments on posts older than”).`;
  }
  return null;
}
