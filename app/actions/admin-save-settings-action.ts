'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { AdminFormState } from '@/app/(admin)/_lib/form-state';
import { adminForAction, adminFormWork } from '@/app/(admin)/_lib/guard';
import { seenField, SETTING_LABELS, settingsAsFormValues, type Setting } from '@/app/(admin)/_lib/settings-form-values';
import { commentSettingsSchema, type CommentSettings } from '@/lib/comments/settings';
import { changedSettings, saveCommentSettings, SettingsChangedMeanwhile } from '@/lib/moderation/settings';

const rules = commentSettingsSchema.shape;

/** A whole number typed in a box, checked against the rule's own bounds so the two never drift apart. */
function wholeNumber(rule: z.ZodDefault<z.ZodNumber>) {
  const { minValue, maxValue } = rule.unwrap();
  const message = `Enter a whole number from ${minValue ?? 0} to ${(maxValue ?? Number.MAX_SAFE_INTEGER).toLocaleString('en-US')}.`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().min(minValue ?? 0, message).max(maxValue ?? Number.MAX_SAFE_INTEGER, message));
}

/** One word per line; blank lines and repeats are dropped. */
const wordList = z
  .string()
  .max(60_000, 'The list is too long.')
  .transform((text) => {
    const words = text.split(/\r?\n/).map((word) => word.trim()).filter(Boolean);
    const seen = new Set<string>();
    return words.filter((word) => !seen.has(word.toLowerCase()) && Boolean(seen.add(word.toLowerCase())));
  })
  .pipe(z.array(z.string().max(100, 'Each word must be at most 100 characters.')).max(500, 'At most 500 words.'));

const checkbox = z.literal('on').optional().transform((value) => value === 'on');

/** The settings form as the browser sends it: every field, strings only, checkboxes absent when off. */
const formSchema = z.object({
  whoMayComment: z.enum(rules.whoMayComment.unwrap().options, { error: 'Choose who may comment.' }),
  holdGuestComments: checkbox,
  holdFor: z.enum(rules.holdFor.unwrap().options, { error: 'Choose whose comments wait for approval.' }),
  holdLinkCount: wholeNumber(rules.holdLinkCount),
  moderationWords: wordList,
  blockWords: wordList,
  autoCloseDays: wholeNumber(rules.autoCloseDays),
  editWindowMinutes: wholeNumber(rules.editWindowMinutes),
  maxReplyDepth: wholeNumber(rules.maxReplyDepth),
  commentsPerPage: wholeNumber(rules.commentsPerPage),
});

const FIELDS = Object.keys(formSchema.shape) as Setting[];

const OUT_OF_DATE = 'This form is out of date: reload the page to see the settings as they are now. Nothing was saved.';

/** A setting's value as a message shows it. */
function shown(value: CommentSettings[Setting]): string {
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(none)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/**
 * The form handed back when another admin changed some of the same settings meanwhile: what this
 * admin changed stays as typed, every other field shows what is stored now, and the form is drawn
 * anew with it, so saving again replaces their value on purpose and nothing else.
 */
function refusedAsChangedMeanwhile(refusal: SettingsChangedMeanwhile, typed: Record<string, string>, changed: Setting[]): AdminFormState {
  const now = settingsAsFormValues(refusal.now);
  const values: Record<string, string> = {};
  for (const field of FIELDS) {
    values[field] = changed.includes(field) ? (typed[field] ?? '') : now[field];
    values[seenField(field)] = now[field];
  }
  const errors: Record<string, string> = {};
  for (const setting of refusal.settings) {
    errors[setting] = `Another admin changed this to ${shown(refusal.now[setting])} since you opened the page. Save again to replace it with yours.`;
  }
  const names = refusal.settings.map((setting) => SETTING_LABELS[setting]).join(', ');
  return { status: 'error', message: `The settings were not saved: another admin changed ${names} since you opened this page. What you typed is kept below.`, errors, values };
}

/**
 * Save the blog's comment rules (audited). Errors name their field and everything typed comes back.
 * The form also carries the values it was drawn with (`seen:…`): only what the admin changed is
 * saved, so another admin's save meanwhile is not undone.
 */
export async function adminSaveSettingsAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const values: Record<string, string> = {};
  const typed: Record<string, string> = {};
  const seenValues: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = typed[field] = value.slice(0, 60_000);
    const seen = formData.get(seenField(field));
    if (typeof seen === 'string') values[seenField(field)] = seenValues[field] = seen.slice(0, 60_000);
  }
  return adminFormWork(values, async (): Promise<AdminFormState> => {
    const access = await adminForAction();
    if (!access.ok) return { status: 'error', message: access.message, errors: { request: access.message }, values };
    const parsed = formSchema.safeParse(typed);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'request')] ??= issue.message;
      return { status: 'error', message: 'The settings were not saved: fix the fields marked below.', errors, values };
    }
    // Read by the same rules as what was typed, so an untouched field compares equal.
    const seen = formSchema.safeParse(seenValues);
    if (!seen.success) return { status: 'error', message: OUT_OF_DATE, errors: {}, values };
    try {
      await saveCommentSettings(parsed.data, access.admin, seen.data);
    } catch (error) {
      if (error instanceof SettingsChangedMeanwhile) return refusedAsChangedMeanwhile(error, typed, changedSettings(seen.data, parsed.data));
      throw error;
    }
    if (formData.get('js') !== '1') redirect('/admin/settings?saved=1');
    refresh();
    return { status: 'ok', message: 'Settings saved.', errors: {}, values: {}, submittedAt: Date.now() };
  });
}
