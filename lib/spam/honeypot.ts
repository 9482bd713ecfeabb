/**
 * A field people never see (hidden by CSS, skipped by keyboard and screen readers) and scripts
 * that fill every field do. Named like something worth filling in. Kept apart from the rest of
 * lib/spam so the form (a client component) can import it without the signing code.
 */
export const HONEYPOT_FIELD = 'subject';
