// Telling people from scripts at the comment form, without CAPTCHAs or third parties. The other
// defences live where their data is: duplicates in lib/comments/mutations, hold rules in
// lib/moderation/hold-rules, rate limits in lib/rate-limits.
import { checkFormStamp, renewFormStamp } from './form-stamp';

export { issueFormStamp, MIN_FILL_MS } from './form-stamp';
export { HONEYPOT_FIELD } from './honeypot';

/** What a form post carries besides the comment: its stamp and the honeypot. The API has neither. */
export interface FormSignals {
  stamp: unknown;
  honeypot: unknown;
}

export type FormVerdict =
  | { kind: 'person' }
  /** Filled the honeypot: kept as spam, answered like a held comment, so the script learns nothing. */
  | { kind: 'spam'; reason: string }
  /** Refused with a neutral message; `freshStamp` is the stamp to send next when the old one cannot succeed. */
  | { kind: 'refused'; message: string; freshStamp?: string };

export function judgeForm(signals: FormSignals, now = Date.now()): FormVerdict {
  if (typeof signals.honeypot === 'string' && signals.honeypot.trim() !== '') return { kind: 'spam', reason: 'honeypot' };
  const stamp = checkFormStamp(signals.stamp, now);
  if (stamp.ok) return { kind: 'person' };
  switch (stamp.reason) {
    case 'too-fast':
      return { kind: 'refused', message: 'That was quick! Please read your comment over, then publish it again.' };
    case 'expired':
      return { kind: 'refused', message: 'This page has been open a long time. Please publish your comment again.', freshStamp: renewFormStamp(stamp.reason, now) };
    default:
      return { kind: 'refused', message: 'This form could not be checked. Please publish your comment again.', freshStamp: renewFormStamp(stamp.reason, now) };
  }
}
