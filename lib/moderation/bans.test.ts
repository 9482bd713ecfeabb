import { describe, expect, it } from 'vitest';
import { banIsActive, banMessage } from './bans';

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
  it('names the day a temporary ban ends', () => {
    expect(banMessage({ endsAt: new Date('2026-12-31T10:00:00Z') })).toBe(
      'Your account may not comment until 2026-12-31.',
    );
  });

  it('says a permanent ban is for good', () => {
    expect(banMessage({ endsAt: null })).toBe('Your account may no longer comment on this blog.');
  });
});
