import { describe, expect, it } from 'vitest';
import { banEndAfter, banIsActive, banMessage } from './bans';

const NOW = new Date('2026-06-15T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 86_400_000;

describe('banIsActive', () => {
  it('holds for good without an end date', () => {
    expect(banIsActive({ endsAt: null, liftedAt: null }, NOW)).toBe(true);
    expect(banIsActive({ endsAt: null, liftedAt: null }, at(3650 * DAY))).toBe(true);
  });

  it('holds until an end date in the future', () => {
    expect(banIsActive({ endsAt: at(DAY), liftedAt: null }, NOW)).toBe(true);
    expect(banIsActive({ endsAt: at(1), liftedAt: null }, NOW)).toBe(true);
  });

  it('ends at its end date', () => {
    expect(banIsActive({ endsAt: NOW, liftedAt: null }, NOW)).toBe(false);
    expect(banIsActive({ endsAt: at(-DAY), liftedAt: null }, NOW)).toBe(false);
  });

  it('ends when lifted, whatever its end date', () => {
    expect(banIsActive({ endsAt: null, liftedAt: at(-DAY) }, NOW)).toBe(false);
    expect(banIsActive({ endsAt: at(30 * DAY), liftedAt: at(-1) }, NOW)).toBe(false);
    expect(banIsActive({ endsAt: null, liftedAt: NOW }, NOW)).toBe(false);
  });

  it('still holds before a lift dated later', () => {
    expect(banIsActive({ endsAt: null, liftedAt: at(DAY) }, NOW)).toBe(true);
  });
});

describe('banMessage', () => {
  it('names the last day of a temporary ban, in the blog’s time zone', () => {
    // The end of December 31 in Hong Kong is still December 31 in UTC.
    expect(banMessage({ endsAt: new Date('2026-12-31T16:00:00Z') }, 'Asia/Hong_Kong')).toBe(
      'Your account may not comment until after December 31, 2026.',
    );
    expect(banMessage({ endsAt: new Date('2027-01-01T05:00:00Z') }, 'America/New_York')).toBe(
      'Your account may not comment until after December 31, 2026.',
    );
  });

  it('says a permanent ban is for good', () => {
    expect(banMessage({ endsAt: null })).toBe('Your account may no longer comment on this blog.');
  });
});

describe('banEndAfter', () => {
  it('ends a ban at the start of the day after its last day, in the blog’s time zone', () => {
    expect(banEndAfter({ year: 2026, month: 12, day: 31 }, 'Asia/Hong_Kong').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(banEndAfter({ year: 2026, month: 2, day: 28 }, 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    // The day clocks spring forward in New York: the next day still starts at local midnight.
    expect(banEndAfter({ year: 2026, month: 3, day: 7 }, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(banEndAfter({ year: 2026, month: 3, day: 8 }, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});
