/**
 * The comment settings as the settings form's text, and each setting's name on the form. Pure:
 * the form draws with it, and the action hands a refused form back with it.
 */
import type { CommentSettings } from '@/lib/comments/settings';

export type Setting = keyof CommentSettings;

/** The settings as the form's fields hold them, so a fresh form and one handed back after an error look alike. */
export function settingsAsFormValues(settings: CommentSettings): Record<Setting, string> {
  return {
    whoMayComment: settings.whoMayComment,
    holdGuestComments: settings.holdGuestComments ? 'on' : '',
    holdFor: settings.holdFor,
    holdLinkCount: String(settings.holdLinkCount),
    moderationWords: settings.moderationWords.join('\n'),
    blockWords: settings.blockWords.join('\n'),
    autoCloseDays: String(settings.autoCloseDays),
    editWindowMinutes: String(settings.editWindowMinutes),
    maxReplyDepth: String(settings.maxReplyDepth),
    commentsPerPage: String(settings.commentsPerPage),
  };
}

/**
 * Where the form keeps the value a field was drawn with (`seen:holdFor`), so a save changes only
 * what its admin changed.
 */
export function seenField(setting: Setting): string {
  return `seen:${setting}`;
}

/** Each setting as the form labels it, for messages that name a field. */
export const SETTING_LABELS: Record<Setting, string> = {
  whoMayComment: 'Who may comment',
  holdGuestComments: 'Hold guests’ comments for approval',
  holdFor: 'Hold for approval',
  holdLinkCount: 'Hold comments with this many links',
  moderationWords: 'Moderation words',
  blockWords: 'Blocked words',
  autoCloseDays: 'Close comments on posts older than (days)',
  editWindowMinutes: 'Edit window (minutes)',
  maxReplyDepth: 'Reply depth',
  commentsPerPage: 'Top-level comments per page',
};
