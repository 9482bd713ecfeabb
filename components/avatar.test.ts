import { describe, expect, it } from 'vitest';
import { avatarInitials } from './avatar';

describe('avatarInitials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(avatarInitials('ada byron lovelace')).toBe('AL');
  });

  it('takes the first two letters of a single word', () => {
    expect(avatarInitials('  grace ')).toBe('GR');
  });

  it('shows a question mark for a name of spaces', () => {
    expect(avatarInitials('   ')).toBe('?');
  });

  it('never splits a character outside the Basic Multilingual Plane in half', () => {
    const initials = avatarInitials('\u{1F600} and \u{1F98A} friends');
    expect(initials).toBe('\u{1F600}F');
    expect(initials).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(avatarInitials('\u{1F98A}\u{1F600}\u{1F600}')).toBe('\u{1F98A}\u{1F600}');
    expect(avatarInitials('\u{1D4D0}')).toBe('\u{1D4D0}');
  });
});
