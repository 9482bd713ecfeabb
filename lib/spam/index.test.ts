import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkFormStamp, issueFormStamp, MAX_STAMP_AGE_MS, MIN_FILL_MS } from './form-stamp';
import { judgeForm } from './index';

const T = Date.parse('2026-06-15T12:00:00Z');

beforeAll(() => {
  vi.stubEnv('AUTH_SECRET', 'a-test-secret-that-signs-form-stamps');
});
afterEach(() => {
  vi.stubEnv('FORM_MIN_SECONDS', '');
});

describe('form stamps', () => {
  it('accept a form sent after the minimum time and before it expires', () => {
    const stamp = issueFormStamp(T);
    expect(stamp).toMatch(/^qs1\.[0-9a-z]+\.[\w-]{27}$/);
    expect(checkFormStamp(stamp, T + MIN_FILL_MS)).toEqual({ ok: true });
    expect(checkFormStamp(stamp, T + MAX_STAMP_AGE_MS)).toEqual({ ok: true });
  });

  it('refuse a form sent faster than a person can write', () => {
    const stamp = issueFormStamp(T);
    expect(checkFormStamp(stamp, T)).toEqual({ ok: false, reason: 'too-fast' });
    expect(checkFormStamp(stamp, T + MIN_FILL_MS - 1)).toEqual({ ok: false, reason: 'too-fast' });
  });

  it('take the minimum time from FORM_MIN_SECONDS', () => {
    vi.stubEnv('FORM_MIN_SECONDS', '0');
    expect(checkFormStamp(issueFormStamp(T), T)).toEqual({ ok: true });
    vi.stubEnv('FORM_MIN_SECONDS', '10');
    expect(checkFormStamp(issueFormStamp(T), T + 9_000)).toEqual({ ok: false, reason: 'too-fast' });
  });

  it('expire after two days', () => {
    expect(checkFormStamp(issueFormStamp(T), T + MAX_STAMP_AGE_MS + 1)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a missing, malformed or re-dated stamp', () => {
    expect(checkFormStamp(undefined, T)).toEqual({ ok: false, reason: 'missing' });
    expect(checkFormStamp('', T)).toEqual({ ok: false, reason: 'missing' });
    expect(checkFormStamp('hello', T)).toEqual({ ok: false, reason: 'forged' });
    const [prefix, , signature] = issueFormStamp(T).split('.');
    // An older time with the signature of the real one: the signature no longer matches.
    expect(checkFormStamp(`${prefix}.${(T - 60_000).toString(36)}.${signature}`, T)).toEqual({ ok: false, reason: 'forged' });
    expect(checkFormStamp(`${issueFormStamp(T - 60_000)}.extra`, T)).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('judgeForm', () => {
  const stamp = () => issueFormStamp(T - 60_000);

  it('lets a person through: honeypot empty, stamp good', () => {
    expect(judgeForm({ stamp: stamp(), honeypot: '' }, T)).toEqual({ kind: 'person' });
    expect(judgeForm({ stamp: stamp(), honeypot: null }, T)).toEqual({ kind: 'person' });
  });

  it('marks as spam whatever fills the honeypot, even with a good stamp', () => {
    expect(judgeForm({ stamp: stamp(), honeypot: 'Great post' }, T)).toEqual({ kind: 'spam', reason: 'honeypot' });
  });

  it('refuses too-fast, expired and unreadable forms with a neutral message, renewing the stamp when needed', () => {
    expect(judgeForm({ stamp: issueFormStamp(T), honeypot: '' }, T)).toEqual({
      kind: 'refused',
      message: 'That was quick! Please read your comment over, then publish it again.',
    });
    const unreadable = judgeForm({ stamp: 'nonsense', honeypot: '' }, T);
    expect(unreadable).toMatchObject({ kind: 'refused', message: 'This form could not be checked. Please publish your comment again.' });
    // A stamp that could not be read starts the clock afresh, as a newly drawn form would.
    const restarted = unreadable.kind === 'refused' ? unreadable.freshStamp : undefined;
    expect(checkFormStamp(restarted, T)).toEqual({ ok: false, reason: 'too-fast' });
    expect(checkFormStamp(restarted, T + MIN_FILL_MS)).toEqual({ ok: true });
  });

  it('renews an expired stamp ready to be sent at once: its reader has had the page for days', () => {
    const expired = judgeForm({ stamp: issueFormStamp(T - MAX_STAMP_AGE_MS - 1), honeypot: '' }, T);
    expect(expired).toMatchObject({ kind: 'refused', message: 'This page has been open a long time. Please publish your comment again.' });
    expect(checkFormStamp(expired.kind === 'refused' ? expired.freshStamp : undefined, T)).toEqual({ ok: true });
  });
});
