import { describe, expect, it, vi } from 'vitest';
import { defaultCommentSettings, settingsFromStored } from './settings';

describe('settingsFromStored', () => {
  it('reads the stored settings over the defaults', () => {
    const warn = vi.fn();
    expect(settingsFromStored(JSON.stringify({ whoMayComment: 'anyone', blockWords: ['casino'] }), warn)).toEqual({
      ...defaultCommentSettings,
      whoMayComment: 'anyone',
      blockWords: ['casino'],
    });
    expect(settingsFromStored(undefined, warn)).toEqual(defaultCommentSettings);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back for the one setting a rule refuses, keeps the others and says which', () => {
    const warn = vi.fn();
    const stored = { whoMayComment: 'anyone', holdFor: 'everyone', blockWords: ['casino'], commentsPerPage: 1 };
    expect(settingsFromStored(JSON.stringify(stored), warn)).toEqual({
      ...defaultCommentSettings,
      whoMayComment: 'anyone',
      holdFor: 'everyone',
      blockWords: ['casino'],
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^comment settings: the stored commentsPerPage 1 is not valid \(.+\); using the default 50 until an admin saves the settings$/,
    );
  });

  it('reads a word list stored before line breaks were refused as one word per line', () => {
    const warn = vi.fn();
    const stored = { whoMayComment: 'anyone', blockWords: ['casino', 'bad\nword', ' \r\n'], holdFor: 'everyone' };
    expect(settingsFromStored(JSON.stringify(stored), warn)).toMatchObject({
      whoMayComment: 'anyone',
      blockWords: ['casino', 'bad', 'word'],
      holdFor: 'everyone',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('uses the defaults, and says so, for a stored value that is not settings at all', () => {
    for (const value of ['{not json', '[1,2]', 'null']) {
      const warn = vi.fn();
      expect(settingsFromStored(value, warn)).toEqual(defaultCommentSettings);
      expect(warn).toHaveBeenCalledWith(
        'comment settings: the stored settings cannot be read, so every setting has its default until an admin saves them',
      );
    }
  });
});
