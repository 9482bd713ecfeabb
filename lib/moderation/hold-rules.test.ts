import { describe, expect, it } from 'vitest';
import { renderCommentMarkdown } from '@/lib/comments/render';
import { defaultCommentSettings } from '@/lib/comments/settings';
import {
  closedRegardless,
  countLinks,
  decideHold,
  decideHoldAfterEdit,
  findListedWord,
  isAutoClosed,
  wordPattern,
  type CommentAuthorKind,
  type HoldDecision,
  type HoldInput,
} from './hold-rules';

type Rules = HoldInput['settings'];

/** Every hold rule switched off; each test turns on the ones it is about. */
const OFF: Rules = {
  holdFor: 'nobody',
  holdLinkCount: 0,
  moderationWords: [],
  blockWords: [],
  holdGuestComments: false,
};

function decide(body: string, kind: CommentAuthorKind, settings: Partial<Rules> = {}, approvedCount = 0) {
  return decideHold({ body, author: { kind, approvedCount }, settings: { ...OFF, ...settings } });
}

const held = (reason: string): HoldDecision => ({ status: 'pending', reason });
const published: HoldDecision = { status: 'published', reason: null };

describe('decideHold with every rule off', () => {
  it.each<CommentAuthorKind>(['user', 'guest', 'admin'])('publishes a %s comment', (kind) => {
    expect(decide('Visit https://a.example and https://b.example, casino!', kind)).toEqual(published);
  });
});

describe('decideHold: guests', () => {
  it('holds a guest with the reason "guest" while holdGuestComments is on', () => {
    expect(decide('Nice post.', 'guest', { holdGuestComments: true })).toEqual(held('guest'));
  });

  it('publishes a guest when holdGuestComments is off, and never holds a signed-in reader for it', () => {
    expect(decide('Nice post.', 'guest', { holdGuestComments: false })).toEqual(published);
    expect(decide('Nice post.', 'user', { holdGuestComments: true })).toEqual(published);
  });

  it('does not call a guest a first-time commenter', () => {
    expect(decide('Nice post.', 'guest', { holdFor: 'first-time' })).toEqual(published);
    expect(decide('Nice post.', 'guest', { holdFor: 'first-time', holdGuestComments: true })).toEqual(held('guest'));
  });
});

describe('decideHold: who is held (holdFor)', () => {
  it('holds a reader without an approved comment with the reason "first comment"', () => {
    expect(decide('Hello.', 'user', { holdFor: 'first-time' }, 0)).toEqual(held('first comment'));
  });

  it('publishes a reader who already has an approved comment', () => {
    expect(decide('Hello.', 'user', { holdFor: 'first-time' }, 1)).toEqual(published);
    expect(decide('Hello.', 'user', { holdFor: 'first-time' }, 40)).toEqual(published);
  });

  it('holds nobody with "nobody"', () => {
    expect(decide('Hello.', 'user', { holdFor: 'nobody' }, 0)).toEqual(published);
  });

  it('holds every reader, however well known, with "everyone"', () => {
    expect(decide('Hello.', 'user', { holdFor: 'everyone' }, 0)).toEqual(held('everyone is held'));
    expect(decide('Hello.', 'user', { holdFor: 'everyone' }, 12)).toEqual(held('everyone is held'));
    expect(decide('Hello.', 'guest', { holdFor: 'everyone' })).toEqual(held('everyone is held'));
  });

  it('holds a first-time reader by default', () => {
    expect(
      decideHold({ body: 'Hello.', author: { kind: 'user', approvedCount: 0 }, settings: defaultCommentSettings }),
    ).toEqual(held('first comment'));
    expect(
      decideHold({ body: 'Hello.', author: { kind: 'user', approvedCount: 1 }, settings: defaultCommentSettings }),
    ).toEqual(published);
  });
});

describe('decideHold: links', () => {
  const two = 'See https://a.example and [this](https://b.example).';
  const three = 'https://a.example [b](https://b.example) www.c.example';

  it('holds at the threshold, naming the count', () => {
    expect(decide('See https://a.example only.', 'user', { holdLinkCount: 2 })).toEqual(published);
    expect(decide(two, 'user', { holdLinkCount: 2 })).toEqual(held('2 links'));
    expect(decide(three, 'user', { holdLinkCount: 2 })).toEqual(held('3 links'));
    expect(decide(three, 'user', { holdLinkCount: 3 })).toEqual(held('3 links'));
    expect(decide(two, 'user', { holdLinkCount: 3 })).toEqual(published);
  });

  it('says "1 link" in the singular', () => {
    expect(decide('See https://a.example only.', 'user', { holdLinkCount: 1 })).toEqual(held('1 link'));
  });

  it('turns the rule off with a threshold of 0', () => {
    const many = Array.from({ length: 8 }, (_, i) => `https://site${i}.example`).join(' ');
    expect(decide(many, 'user', { holdLinkCount: 0 })).toEqual(published);
  });

  it('applies to guests too', () => {
    expect(decide(two, 'guest', { holdLinkCount: 2 })).toEqual(held('2 links'));
  });
});

describe('countLinks', () => {
  it.each([
    ['no links at all', 'Just words, example dot com, and a www without a dot.', 0],
    ['a bare https URL', 'Read https://example.com/a/b?c=1&d=2#e now', 1],
    ['a bare http URL, any case', 'HTTP://EXAMPLE.COM', 1],
    ['a www. address without a scheme', 'Go to www.example.com.', 1],
    ['a Markdown link', 'Read [the post](https://example.com/post).', 1],
    ['a Markdown link with a relative target', '[home](/)', 1],
    ['a Markdown link with a title', '[x](https://example.com "Title")', 1],
    ['a Markdown link whose text is its URL', '[https://example.com](https://example.com)', 1],
    ['an image', '![cat](https://example.com/cat.png)', 1],
    ['an autolink', '<https://example.com>', 1],
    ['a mailto autolink', '<mailto:ada@example.com>', 1],
    ['a URL with www inside, once', 'https://www.example.com/page', 1],
    ['a URL in parentheses', '(see https://example.com)', 1],
    ['a scheme with nothing after it', 'the https:// prefix', 0],
    ['a bare domain without scheme or www', 'example.com and wwwexample.com', 0],
    ['three kinds together', 'https://a.example\n[b](https://b.example)\nwww.c.example', 3],
    ['two URLs back to back on separate lines', 'https://a.example\nhttps://b.example', 2],
    ['the same URL twice', 'https://a.example https://a.example', 2],
  ])('%s', (_name, body, count) => {
    expect(countLinks(body)).toBe(count);
  });

  it('gives the same answer on repeated calls (no state left in the pattern)', () => {
    const body = 'https://a.example https://b.example';
    expect([countLinks(body), countLinks(body), countLinks(body)]).toEqual([2, 2, 2]);
  });
});

describe('findListedWord', () => {
  it('finds a whole word, case-insensitively, and answers with the word as listed', () => {
    expect(findListedWord('Best CASINO in town', ['casino'])).toBe('casino');
    expect(findListedWord('best casino in town', ['Casino'])).toBe('Casino');
    expect(findListedWord('casino', ['casino'])).toBe('casino');
    expect(findListedWord('Casino!', ['casino'])).toBe('casino');
    expect(findListedWord('(casino)', ['casino'])).toBe('casino');
    expect(findListedWord('line one\ncasino\nline three', ['casino'])).toBe('casino');
  });

  it('does not find a word inside another word', () => {
    expect(findListedWord('Casinos are fun', ['casino'])).toBeUndefined();
    expect(findListedWord('the minicasino', ['casino'])).toBeUndefined();
    expect(findListedWord('casino2024', ['casino'])).toBeUndefined();
    expect(findListedWord('a classic pass', ['ass'])).toBeUndefined();
  });

  it('treats letters of any script as letters', () => {
    expect(findListedWord('Das ist ärgerlich', ['ärger'])).toBeUndefined();
    expect(findListedWord('So ein Ärger!', ['ärger'])).toBe('ärger');
    expect(findListedWord('Купить КАЗИНО сейчас', ['казино'])).toBe('казино');
    expect(findListedWord('казиноонлайн', ['казино'])).toBeUndefined();
    expect(findListedWord('café', ['caf'])).toBeUndefined();
  });

  it('treats combining accents as part of the word, and matches either Unicode form', () => {
    const decomposed = 'Un cafe\u0301 noir'; // "café" written as e + combining acute accent
    expect(findListedWord(decomposed, ['cafe'])).toBeUndefined();
    expect(findListedWord(decomposed, ['café'])).toBe('café');
    expect(findListedWord('Un café noir', ['cafe\u0301'])).toBe('cafe\u0301');
    // Marks that do not compose into one character still belong to the word they follow.
    expect(findListedWord('cafe\u0332 time', ['cafe'])).toBeUndefined();
    expect(findListedWord('नमस्ते दोस्त', ['नमस'])).toBeUndefined();
    expect(findListedWord('नमस्ते दोस्त', ['नमस्ते'])).toBe('नमस्ते');
  });

  it('takes listed words literally, not as patterns', () => {
    expect(findListedWord('c++ rocks', ['c++'])).toBe('c++');
    expect(findListedWord('cat rocks', ['c.t'])).toBeUndefined();
    expect(findListedWord('free money now', ['free money'])).toBe('free money');
  });

  it('answers with the first listed word that appears', () => {
    expect(findListedWord('poker and casino', ['casino', 'poker'])).toBe('casino');
    expect(findListedWord('poker and casino', ['slots'])).toBeUndefined();
    expect(findListedWord('anything', [])).toBeUndefined();
  });
});

describe('decideHold: moderation words', () => {
  it('holds with the word named', () => {
    expect(decide('The best Casino deals', 'user', { moderationWords: ['casino'] })).toEqual(held('word: casino'));
    expect(decide('The best casino deals', 'guest', { moderationWords: ['poker', 'casino'] })).toEqual(
      held('word: casino'),
    );
  });

  it('ignores the word inside another word', () => {
    expect(decide('Casinos and minicasino', 'user', { moderationWords: ['casino'] })).toEqual(published);
  });
});

describe('decideHold: block words', () => {
  it('marks the comment as spam with the word named', () => {
    expect(decide('cheap viagra', 'user', { blockWords: ['viagra'] })).toEqual({
      status: 'spam',
      reason: 'blocked word: viagra',
    });
    expect(decide('cheap VIAGRA', 'guest', { blockWords: ['viagra'] })).toEqual({
      status: 'spam',
      reason: 'blocked word: viagra',
    });
  });

  it('only blocks whole words', () => {
    expect(decide('viagrafree', 'user', { blockWords: ['viagra'] })).toEqual(published);
  });

  it('takes precedence over every hold rule', () => {
    const everything: Partial<Rules> = {
      holdFor: 'everyone',
      holdGuestComments: true,
      holdLinkCount: 1,
      moderationWords: ['casino'],
      blockWords: ['viagra'],
    };
    expect(decide('casino viagra https://a.example https://b.example', 'guest', everything)).toEqual({
      status: 'spam',
      reason: 'blocked word: viagra',
    });
  });
});

describe('decideHold: admins', () => {
  it('never holds or blocks an admin, whatever the comment says', () => {
    const strict: Partial<Rules> = {
      holdFor: 'everyone',
      holdGuestComments: true,
      holdLinkCount: 1,
      moderationWords: ['casino'],
      blockWords: ['viagra'],
    };
    expect(decide('casino viagra https://a.example https://b.example www.c.example', 'admin', strict, 0)).toEqual(
      published,
    );
  });
});

describe('decideHold: several rules at once', () => {
  it('lists every reason, in order', () => {
    const body = 'casino at https://a.example [b](https://b.example) www.c.example';
    expect(decide(body, 'user', { holdFor: 'first-time', holdLinkCount: 2 })).toEqual(held('first comment, 3 links'));
    expect(decide(body, 'user', { holdFor: 'first-time', holdLinkCount: 2, moderationWords: ['casino'] })).toEqual(
      held('first comment, 3 links, word: casino'),
    );
    expect(decide(body, 'guest', { holdGuestComments: true, holdLinkCount: 2, moderationWords: ['casino'] })).toEqual(
      held('guest, 3 links, word: casino'),
    );
    expect(decide(body, 'guest', { holdGuestComments: true, holdFor: 'everyone' })).toEqual(
      held('guest, everyone is held'),
    );
  });

  it('holds a known reader only for the rules that apply', () => {
    const body = 'casino at https://a.example [b](https://b.example) www.c.example';
    expect(decide(body, 'user', { holdFor: 'first-time', holdLinkCount: 2, moderationWords: ['casino'] }, 3)).toEqual(
      held('3 links, word: casino'),
    );
    expect(
      decide('plain', 'user', { holdFor: 'first-time', holdLinkCount: 2, moderationWords: ['casino'] }, 3),
    ).toEqual(published);
  });
});

describe('isAutoClosed', () => {
  const postDate = new Date('2024-01-01T00:00:00Z');
  const DAY = 86_400_000;
  const after = (ms: number) => new Date(postDate.getTime() + ms);

  it('never closes with 0 days', () => {
    expect(isAutoClosed(postDate, 0, after(365 * 100 * DAY))).toBe(false);
  });

  it('stays open up to exactly the given number of days, and closes a moment later', () => {
    expect(isAutoClosed(postDate, 30, after(29 * DAY))).toBe(false);
    expect(isAutoClosed(postDate, 30, after(30 * DAY))).toBe(false);
    expect(isAutoClosed(postDate, 30, after(30 * DAY + 1))).toBe(true);
    expect(isAutoClosed(postDate, 30, after(400 * DAY))).toBe(true);
  });

  it('counts 1 day as 24 hours', () => {
    expect(isAutoClosed(postDate, 1, after(DAY))).toBe(false);
    expect(isAutoClosed(postDate, 1, after(DAY + 1))).toBe(true);
  });

  it('keeps a post dated in the future open', () => {
    expect(isAutoClosed(postDate, 1, after(-10 * DAY))).toBe(false);
  });
});

describe('decideHoldAfterEdit', () => {
  const rules: Rules = { ...OFF, holdFor: 'first-time', holdLinkCount: 2, moderationWords: ['pills'], blockWords: ['casino'] };
  const edit = (body: string, current: HoldDecision, kind: CommentAuthorKind = 'user') =>
    decideHoldAfterEdit({ body, author: { kind }, settings: rules, current });

  it('leaves a published comment published when the new text is clean, whoever wrote it', () => {
    expect(edit('Still fine.', published)).toEqual(published);
  });

  it('holds a published comment whose new text has links or a moderation word, saying it was an edit', () => {
    expect(edit('See https://a.example and https://b.example', published)).toEqual(held('edited: 2 links'));
    expect(edit('Cheap pills', published)).toEqual(held('edited: word: pills'));
  });

  it('sends a comment to spam when the new text has a blocked word', () => {
    expect(edit('casino night', published)).toEqual({ status: 'spam', reason: 'blocked word: casino' });
    expect(edit('casino night', held('first comment'))).toEqual({ status: 'spam', reason: 'blocked word: casino' });
  });

  it('keeps a held comment held for who wrote it, dropping text reasons the edit removed', () => {
    expect(edit('No links now.', held('first comment, 3 links'))).toEqual(held('first comment'));
    expect(edit('No links now.', held('3 links'))).toEqual(held('edited while held'));
    expect(edit('More https://a.example https://b.example', held('guest'))).toEqual(held('guest, 2 links'));
  });

  it('never changes an admin’s comment or one already marked spam', () => {
    expect(edit('casino https://a.example https://b.example', published, 'admin')).toEqual(published);
    const spam: HoldDecision = { status: 'spam', reason: 'honeypot' };
    expect(edit('Clean now.', spam)).toEqual(spam);
  });
});

describe('decideHold: what readers will see, not only what was typed', () => {
  // Markdown that the typed-text patterns miss but the renderer turns into links and words.
  async function decideRendered(body: string, settings: Partial<Rules>, editedFrom?: HoldDecision) {
    const html = await renderCommentMarkdown(body);
    const author = { kind: 'user' as const, approvedCount: 1 };
    return editedFrom
      ? decideHoldAfterEdit({ body, html, author, settings: { ...OFF, ...settings }, current: editedFrom })
      : decideHold({ body, html, author, settings: { ...OFF, ...settings } });
  }

  it('counts links with a title, protocol-relative links and reference links', async () => {
    expect(await decideRendered('[a](//one.example "t") [b](//two.example "t")', { holdLinkCount: 2 })).toEqual(held('2 links'));
    expect(await decideRendered('[x][1] and [y][2]\n\n[1]: //a.example\n[2]: //b.example', { holdLinkCount: 2 })).toEqual(held('2 links'));
  });

  it('finds listed words written with character references or split by markup', async () => {
    expect(await decideRendered('Play c&#97;sino tonight', { blockWords: ['casino'] })).toEqual({ status: 'spam', reason: 'blocked word: casino' });
    expect(await decideRendered('A ca<b>sino</b> near you', { moderationWords: ['casino'] })).toEqual(held('word: casino'));
    expect(await decideRendered('Edited into c&#97;sino', { blockWords: ['casino'] }, published)).toEqual({
      status: 'spam',
      reason: 'blocked word: casino',
    });
  });

  it('still finds a word only the link address has, and a bare address readers see as text', async () => {
    expect(await decideRendered('[click](https://casino.example)', { blockWords: ['casino'] })).toEqual({ status: 'spam', reason: 'blocked word: casino' });
    expect(await decideRendered('see https://a.example', { holdLinkCount: 1 })).toEqual(held('1 link'));
  });
});

describe('listed words', () => {
  it('are compiled once each and kept, since a blog may list hundreds and every comment is checked', () => {
    const words = Array.from({ length: 500 }, (_, i) => `listed${i}`);
    const first = words.map(wordPattern);
    expect(words.map(wordPattern)).toEqual(first);
    first.forEach((pattern, i) => expect(wordPattern(words[i] ?? '')).toBe(pattern));
    expect(findListedWord('nothing listed here, but listed499 is', words)).toBe('listed499');
  });
});

describe('closedRegardless', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const post = (commentsClosed: boolean, date: string) => ({ commentsClosed, date: new Date(date) });

  it('names the front matter, or the age past the setting, as what keeps a post closed', () => {
    expect(closedRegardless(post(true, '2026-12-01'), 0, now)).toBe('Comments are closed by the post’s front matter (comments: closed).');
    expect(closedRegardless(post(false, '2026-10-01'), 30, now)).toBe(
      'Comments are closed because the post is older than 30 days (the setting “Close comments on posts older than”).',
    );
  });

  it('leaves a post only an admin closes to the admin', () => {
    expect(closedRegardless(post(false, '2026-12-01'), 30, now)).toBeNull();
    expect(closedRegardless(post(false, '2016-09-04'), 0, now)).toBeNull();
  });
});
